<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Aprobación del encargado</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>PIN del encargado</translation>
    </message>
    <message>
        <source>Manager&apos;s name (only when asked)</source>
        <translation>Nombre del encargado (solo si se pide)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Precios</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Terminales</translation>
    </message>
    <message>
        <source>%1 · Ctrl+%2</source>
        <translation>%1 · Ctrl+%2</translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <translation>Encargado: %1</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>La administración necesita el servidor</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>Compras</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <source>stock not known</source>
        <translation>stock desconocido</translation>
    </message>
    <message numerus="yes">
        <source>%n available here</source>
        <translation>
            <numerusform>%n disponible aquí</numerusform>
            <numerusform>%n disponibles aquí</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>tax %1: %2</source>
        <translation>impuesto %1: %2</translation>
    </message>
</context>
<context>
    <name>CashReport</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Z REPORT</source>
        <translation>INFORME Z</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>INFORME X</translation>
    </message>
    <message>
        <source>Cash session %1, closed</source>
        <translation>Turno de caja %1, cerrado</translation>
    </message>
    <message>
        <source>Cash session %1, still open</source>
        <translation>Turno de caja %1, aún abierto</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>  by</source>
        <translation>  por</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>Ventas (%1)</translation>
    </message>
    <message>
        <source>  net</source>
        <translation>  neto</translation>
    </message>
    <message>
        <source>  tax</source>
        <translation>  impuesto</translation>
    </message>
    <message>
        <source>Refunds (%1)</source>
        <translation>Devoluciones (%1)</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>Recaudación neta</translation>
    </message>
    <message>
        <source>Net tax</source>
        <translation>Impuesto neto</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Por forma de pago</translation>
    </message>
    <message>
        <source>  taken</source>
        <translation>  cobrado</translation>
    </message>
    <message>
        <source>  paid back</source>
        <translation>  devuelto</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cajón</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Fondo inicial</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Efectivo cobrado</translation>
    </message>
    <message>
        <source>Cash paid back</source>
        <translation>Efectivo devuelto</translation>
    </message>
    <message>
        <source>Paid in: </source>
        <translation>Ingreso: </translation>
    </message>
    <message>
        <source>Paid out: </source>
        <translation>Retirada: </translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Esperado en el cajón</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Counted in drawer</source>
        <translation>Contado en el cajón</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Sobrante</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Descuadre</translation>
    </message>
    <message>
        <source>  tax %1 % on %2</source>
        <translation>  impuesto %1 % sobre %2</translation>
    </message>
</context>
<context>
    <name>CashScreen</name>
    <message>
        <source>Open the drawer</source>
        <translation>Abrir la caja</translation>
    </message>
    <message>
        <source>The float: the cash in the drawer to give change with, such as 150.00</source>
        <translation>El fondo: el efectivo del cajón para dar cambio, como 150.00</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>moneda</translation>
    </message>
    <message>
        <source>note</source>
        <translation>billete</translation>
    </message>
    <message>
        <source>Drawer open</source>
        <translation>Caja abierta</translation>
    </message>
    <message>
        <source>Drawer closed</source>
        <translation>Caja cerrada</translation>
    </message>
    <message>
        <source>Opened by %1 at %2</source>
        <translation>Abierta por %1 a las %2</translation>
    </message>
    <message>
        <source>Open it with a float to take payments and pay refunds.</source>
        <translation>Ábrala con un fondo para cobrar y hacer devoluciones.</translation>
    </message>
    <message>
        <source>Float %1</source>
        <translation>Fondo %1</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Abrir caja</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <source>Reprint report</source>
        <translation>Reimprimir informe</translation>
    </message>
    <message>
        <source>Count and close</source>
        <translation>Contar y cerrar</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Aún no hay informe</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Previsto %1</translation>
    </message>
    <message>
        <source>Counted %1</source>
        <translation>Contado %1</translation>
    </message>
    <message>
        <source>An X report shows the session so far; closing the drawer gives the Z report.</source>
        <translation>Un informe X muestra el turno hasta ahora; al cerrar la caja se obtiene el informe Z.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Store&apos;s day</source>
        <translation>Día de la tienda</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>The store&apos;s day %1</source>
        <translation>Día de la tienda %1</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Por caja</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Por forma de pago</translation>
    </message>
    <message>
        <source>By tax rate</source>
        <translation>Por tipo de impuesto</translation>
    </message>
    <message>
        <source>Back to the drawer</source>
        <translation>Volver al cajón</translation>
    </message>
    <message>
        <source>Count the drawer</source>
        <translation>Contar el cajón</translation>
    </message>
    <message>
        <source>Type how many of each note and coin, Enter for the next. What the drawer should hold is on the Z report.</source>
        <translation>Escriba cuántos hay de cada billete y moneda, Intro para el siguiente. Lo que debería haber en el cajón figura en el informe Z.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close drawer, Z report</source>
        <translation>Cerrar caja, informe Z</translation>
    </message>
    <message>
        <source>Cash put into the drawer, such as a float top-up</source>
        <translation>Efectivo que entra al cajón, como reponer el fondo de caja</translation>
    </message>
    <message>
        <source>Cash taken out, such as a supplier paid or a drop to the safe</source>
        <translation>Efectivo que sale del cajón, como pagar a un proveedor o llevarlo a la caja fuerte</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>CashSession</name>
    <message>
        <source>the drawer is closed: open a cash session with a float first</source>
        <translation>la caja está cerrada: abra antes un turno de caja con un fondo</translation>
    </message>
    <message>
        <source>must name who does it, in at most %1 characters</source>
        <translation>debe indicar quién lo hace, en %1 caracteres como máximo</translation>
    </message>
    <message>
        <source>must be zero or more</source>
        <translation>debe ser cero o más</translation>
    </message>
    <message>
        <source>session %1, opened by %2, is still open: close it with a Z report first</source>
        <translation>el turno %1, abierto por %2, sigue abierto: ciérrelo antes con un informe Z</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>debe ser mayor que cero</translation>
    </message>
    <message>
        <source>say why, in at most %1 characters</source>
        <translation>indique el motivo, en %1 caracteres como máximo</translation>
    </message>
    <message>
        <source>%1 is more than the %2 the drawer should hold</source>
        <translation>%1 es más que los %2 que debería haber en el cajón</translation>
    </message>
    <message>
        <source>%1 is not a denomination of this drawer</source>
        <translation>%1 no es un billete ni una moneda de este cajón</translation>
    </message>
    <message>
        <source>%1 is counted twice</source>
        <translation>%1 está contado dos veces</translation>
    </message>
    <message>
        <source>%1 is not a count from 0 to %2</source>
        <translation>%1 no es un recuento de 0 a %2</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>SKU, name or barcode — Enter searches, ↓ the list</source>
        <translation>SKU, nombre o código de barras — Intro busca, ↓ a la lista</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Producto nuevo</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Usar la otra versión</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>counted</source>
        <translation>contado</translation>
    </message>
    <message>
        <source>sent, waiting for the server</source>
        <translation>enviado, esperando al servidor</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>registrado</translation>
    </message>
    <message>
        <source>Count at</source>
        <translation>Contar en</translation>
    </message>
    <message>
        <source>SKUs starting with</source>
        <translation>SKU que empiezan por</translation>
    </message>
    <message>
        <source>DAI-</source>
        <translation>DAI-</translation>
    </message>
    <message>
        <source>system %1</source>
        <translation>sistema %1</translation>
    </message>
    <message>
        <source>Type the start of the shelf&apos;s SKUs and press Enter.</source>
        <translation>Escriba el inicio de los SKU del estante y pulse Intro.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Send counts</source>
        <translation>Enviar recuentos</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Visor del cliente</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Su cambio</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>Total paid %1</source>
        <translation>Total pagado %1</translation>
    </message>
</context>
<context>
    <name>DeliveriesScreen</name>
    <message>
        <source>Expected deliveries</source>
        <translation>Entregas previstas</translation>
    </message>
    <message>
        <source>No expected deliveries are open. Receive without a delivery with F6.</source>
        <translation>No hay entregas previstas abiertas. Reciba sin entrega con F6.</translation>
    </message>
    <message>
        <source>Without a delivery, into</source>
        <translation>Sin entrega, a</translation>
    </message>
    <message>
        <source>Receive without a delivery</source>
        <translation>Recibir sin entrega</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>DeliveryRow</name>
    <message>
        <source>Complete · %1 of %2 received</source>
        <translation>Completa · %1 de %2 recibidos</translation>
    </message>
    <message>
        <source>Done · %1 of %2 received, %3 refused</source>
        <translation>Hecha · %1 de %2 recibidos, %3 rechazados</translation>
    </message>
    <message>
        <source>%1 of %2 received</source>
        <translation>%1 de %2 recibidos</translation>
    </message>
    <message>
        <source>, %1 refused</source>
        <translation>, %1 rechazados</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DockMain</name>
    <message>
        <source>Deliveries</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Recuento cíclico</translation>
    </message>
    <message>
        <source>Transfer / adjust</source>
        <translation>Traspasar / ajustar</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Faltantes</translation>
    </message>
    <message>
        <source>Stockline receiving — %1</source>
        <translation>Stockline recepción — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Receipts, counts and moves are kept on this dock until a server is set up.</source>
        <translation>Recepciones, recuentos y movimientos se guardan en este muelle hasta que se configure un servidor.</translation>
    </message>
    <message>
        <source>Every receipt, count and move goes to the server as it is booked.</source>
        <translation>Cada recepción, recuento y movimiento va al servidor al registrarse.</translation>
    </message>
    <message>
        <source>Connecting to the server… Keep receiving: everything is kept and sent later.</source>
        <translation>Conectando con el servidor… Siga recibiendo: todo se guarda y se envía después.</translation>
    </message>
    <message>
        <source>Receipts, counts and moves are kept on this dock and sent when the server is back.</source>
        <translation>Recepciones, recuentos y movimientos se guardan en este muelle y se envían cuando vuelva el servidor.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Ctrl+</source>
        <translation>Ctrl+</translation>
    </message>
</context>
<context>
    <name>ElevatePanel</name>
    <message>
        <source>Back office</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>A manager signs in with their name and PIN. The server checks them.</source>
        <translation>Un encargado inicia sesión con su nombre y PIN. El servidor los comprueba.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Nombre del encargado</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>EnrolWindow</name>
    <message>
        <source>Stockline — set up this terminal</source>
        <translation>Stockline — configurar este terminal</translation>
    </message>
    <message>
        <source>Change this terminal&apos;s setup</source>
        <translation>Cambiar la configuración de este terminal</translation>
    </message>
    <message>
        <source>Set up this terminal</source>
        <translation>Configurar este terminal</translation>
    </message>
    <message>
        <source>On the server, the store&apos;s IT enrols this terminal with “stockline-server terminal add ID --role pos --pairing” and reads you the code it prints.</source>
        <translation>En el servidor, informática da de alta este terminal con «stockline-server terminal add ID --role pos --pairing» y le dicta el código que muestra.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>ws://10.0.0.5:8765/ or wss://stock.example:8765/</source>
        <translation>ws://10.0.0.5:8765/ o wss://stock.example:8765/</translation>
    </message>
    <message>
        <source>Server certificate fingerprint (wss:// with the server&apos;s own certificate)</source>
        <translation>Huella del certificado del servidor (wss:// con certificado propio del servidor)</translation>
    </message>
    <message>
        <source>SHA-256 as “stockline-server tls fingerprint” prints it; empty: a trusted authority&apos;s certificate</source>
        <translation>SHA-256 tal como lo muestra «stockline-server tls fingerprint»; vacío: certificado de una autoridad de confianza</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Punto de venta</translation>
    </message>
    <message>
        <source>Receiving dock</source>
        <translation>Muelle de recepción</translation>
    </message>
    <message>
        <source>Location this terminal sells or receives at</source>
        <translation>Ubicación donde este terminal vende o recibe</translation>
    </message>
    <message>
        <source>such as store-1</source>
        <translation>como store-1</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de emparejamiento</translation>
    </message>
    <message>
        <source>Terminal ID and token</source>
        <translation>ID de terminal y token</translation>
    </message>
    <message>
        <source>Pairing code, such as 1234-5678</source>
        <translation>Código de emparejamiento, como 1234-5678</translation>
    </message>
    <message>
        <source>Terminal ID, such as POS-02</source>
        <translation>ID de terminal, como POS-02</translation>
    </message>
    <message>
        <source>Token from “stockline-server terminal add”</source>
        <translation>Token de «stockline-server terminal add»</translation>
    </message>
    <message>
        <source>Pairing with the server…</source>
        <translation>Emparejando con el servidor…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Emparejar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Saved, readable by this account only, in %1</source>
        <translation>Guardado, legible solo por esta cuenta, en %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>ExceptionsScreen</name>
    <message>
        <source>Recount %1</source>
        <translation>Recontar %1</translation>
    </message>
    <message>
        <source>How many are on the shelf now? A whole number</source>
        <translation>¿Cuántos hay ahora en el estante? Un número entero</translation>
    </message>
    <message>
        <source>Shortage exceptions</source>
        <translation>Faltantes</translation>
    </message>
    <message>
        <source>Only a manager terminal connected to the server resolves these.</source>
        <translation>Solo un terminal de encargado conectado al servidor puede resolverlos.</translation>
    </message>
    <message>
        <source>%1 × %2 at %3</source>
        <translation>%1 × %2 en %3</translation>
    </message>
    <message>
        <source>Sale %1 on %2, %3 · #%4 · %5</source>
        <translation>Venta %1 el %2, %3 · n.º %4 · %5</translation>
    </message>
    <message>
        <source>resolving…</source>
        <translation>resolviendo…</translation>
    </message>
    <message>
        <source>No open shortages</source>
        <translation>No hay faltantes abiertos</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Recontar</translation>
    </message>
    <message>
        <source>Accept the loss</source>
        <translation>Aceptar la pérdida</translation>
    </message>
</context>
<context>
    <name>LevelChart</name>
    <message>
        <source>No movements to chart</source>
        <translation>No hay movimientos que mostrar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Stockline POS — %1</source>
        <translation>Stockline TPV — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation>Ventas aparcadas</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cajón</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Faltantes</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Administración</translation>
    </message>
</context>
<context>
    <name>MovesScreen</name>
    <message>
        <source>Transfer between locations</source>
        <translation>Traspaso entre ubicaciones</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Scan, or type a barcode or SKU</source>
        <translation>Escanee o escriba un código de barras o SKU</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traspasar</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Ajustar stock</translation>
    </message>
    <message>
        <source>At</source>
        <translation>En</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Damage (units off)</source>
        <translation>Daño (unidades de baja)</translation>
    </message>
    <message>
        <source>Shrinkage (units off)</source>
        <translation>Merma (unidades de baja)</translation>
    </message>
    <message>
        <source>Found (units on)</source>
        <translation>Encontrado (unidades de alta)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Ajustar</translation>
    </message>
</context>
<context>
    <name>ParkedSales</name>
    <message>
        <source>there is nothing to park</source>
        <translation>no hay nada que aparcar</translation>
    </message>
    <message>
        <source>parked sale %1 is no longer there</source>
        <translation>la venta aparcada %1 ya no está</translation>
    </message>
</context>
<context>
    <name>ParkedScreen</name>
    <message>
        <source>Parked sales</source>
        <translation>Ventas aparcadas</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>No parked sales</source>
        <translation>No hay ventas aparcadas</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>PayPanel</name>
    <message>
        <source>Card payment of %1</source>
        <translation>Pago con tarjeta de %1</translation>
    </message>
    <message>
        <source>The reference on the card terminal&apos;s slip</source>
        <translation>La referencia del comprobante del datáfono</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Pagado %1</translation>
    </message>
    <message>
        <source>Cash received — Enter with nothing typed takes it exact</source>
        <translation>Efectivo recibido — Intro sin importe lo toma exacto</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation>Exacto %1</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <source>No product %1 in the list: searched for it, try again</source>
        <translation>No hay producto %1 en la lista: se ha buscado, inténtelo de nuevo</translation>
    </message>
    <message>
        <source>One product</source>
        <translation>Un producto</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Precio nuevo</translation>
    </message>
    <message>
        <source>From (empty: now; 2026-12-24 06:00)</source>
        <translation>Desde (vacío: ahora; 2026-12-24 06:00)</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Cambiar precio</translation>
    </message>
    <message>
        <source>Many products by a percentage</source>
        <translation>Varios productos por porcentaje</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Department or supplier</source>
        <translation>Departamento o proveedor</translation>
    </message>
    <message>
        <source>Percent (5, -2.5)</source>
        <translation>Porcentaje (5, -2.5)</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>Sin redondeo</translation>
    </message>
    <message>
        <source>End in 0 or 5</source>
        <translation>Acabar en 0 o 5</translation>
    </message>
    <message>
        <source>End in 9</source>
        <translation>Acabar en 9</translation>
    </message>
    <message>
        <source>From (empty: now)</source>
        <translation>Desde (vacío: ahora)</translation>
    </message>
    <message>
        <source>Change all</source>
        <translation>Cambiar todos</translation>
    </message>
    <message>
        <source>Scheduled changes (Delete cancels)</source>
        <translation>Cambios programados (Supr cancela)</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>New product</source>
        <translation>Producto nuevo</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Códigos de barras</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>Tipo de impuesto %</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Punto de pedido</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>A la venta</translation>
    </message>
    <message>
        <source>Active (untick to retire)</source>
        <translation>Activo (desmarque para retirarlo)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PurchasingPage</name>
    <message>
        <source>Suppliers</source>
        <translation>Proveedores</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Reponer</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>Pedidos de compra</translation>
    </message>
    <message>
        <source>%1 · F%2</source>
        <translation>%1 · F%2</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar el suyo</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>Nuevo proveedor</translation>
    </message>
    <message>
        <source>Supplier id (empty: all)</source>
        <translation>Proveedor (vacío: todos)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Sales of the last</source>
        <translation>Ventas de los últimos</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Sugerir</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>A pedir</translation>
    </message>
    <message>
        <source>at</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Expected (empty: not agreed; 2026-12-24 08:00)</source>
        <translation>Previsto (vacío: sin acordar; 2026-12-24 08:00)</translation>
    </message>
    <message>
        <source>Change line</source>
        <translation>Cambiar línea</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Realizar pedido</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>Recibidos en parte</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <source>Save in %1</source>
        <translation>Guardar en %1</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Cerrar pedido</translation>
    </message>
    <message>
        <source>Press F4 again to close %1: the docks will no longer expect it</source>
        <translation>Pulse F4 otra vez para cerrar %1: los muelles dejarán de esperarlo</translation>
    </message>
    <message>
        <source>Lines of %1</source>
        <translation>Líneas de %1</translation>
    </message>
    <message>
        <source>days (7–365), to last</source>
        <translation>días (7–365), para cubrir</translation>
    </message>
    <message>
        <source>days once it arrived (0–365)</source>
        <translation>días tras la llegada (0–365)</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Más recientes</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Más antiguos</translation>
    </message>
</context>
<context>
    <name>QNativeSocketEngine</name>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Refund %1</source>
        <translation>Devolución %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ReceiveScreen</name>
    <message>
        <source>%1 over — a manager approves</source>
        <translation>%1 de más — lo aprueba un encargado</translation>
    </message>
    <message>
        <source>%1 over, within tolerance</source>
        <translation>%1 de más, dentro de la tolerancia</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>%1 de menos</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>según lo previsto</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>sin contar</translation>
    </message>
    <message>
        <source>Choose a delivery (F1), or receive without one</source>
        <translation>Elija una entrega (F1) o reciba sin entrega</translation>
    </message>
    <message>
        <source>Receiving without a delivery into %1</source>
        <translation>Recibiendo sin entrega en %1</translation>
    </message>
    <message>
        <source>Delivery %1 · %2 · into %3</source>
        <translation>Entrega %1 · %2 · a %3</translation>
    </message>
    <message>
        <source>Scan each item, or type a barcode or SKU — 12* for twelve</source>
        <translation>Escanee cada artículo o escriba un código de barras o SKU — 12* para doce</translation>
    </message>
    <message>
        <source>Quantity received now</source>
        <translation>Cantidad recibida ahora</translation>
    </message>
    <message>
        <source>Units accepted on this line.</source>
        <translation>Unidades aceptadas en esta línea.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Damaged or wrong units: recorded on the delivery, not stocked.</source>
        <translation>Unidades dañadas o equivocadas: anotadas en la entrega, no entran en stock.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Sent with the receipt.</source>
        <translation>Enviado con la recepción.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Over the %1 % tolerance: a manager approves</source>
        <translation>Por encima de la tolerancia del %1 %: lo aprueba un encargado</translation>
    </message>
    <message>
        <source>Tolerance %1 %</source>
        <translation>Tolerancia %1 %</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>From (2026-12-01)</source>
        <translation>Desde (2026-12-01)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Save as (path without .csv or .pdf)</source>
        <translation>Guardar como (ruta sin .csv ni .pdf)</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Guardar CSV</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
</context>
<context>
    <name>ReturnJournal</name>
    <message>
        <source>choose what is returned</source>
        <translation>elija lo que se devuelve</translation>
    </message>
    <message>
        <source>sale %1 has no line %2</source>
        <translation>la venta %1 no tiene línea %2</translation>
    </message>
    <message>
        <source>line %1 is named twice</source>
        <translation>la línea %1 aparece dos veces</translation>
    </message>
    <message>
        <source>%1 of %2: %3 sold, %4 returned before</source>
        <translation>%1 de %2: %3 vendidos, %4 devueltos antes</translation>
    </message>
    <message>
        <source>no sale %1 on this terminal</source>
        <translation>no hay venta %1 en este terminal</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <source>Scan the receipt&apos;s barcode or type its number</source>
        <translation>Escanee el código de barras del ticket o escriba su número</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Sale %1 · %2 · %3</source>
        <translation>Venta %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Asking the server for this receipt…</source>
        <translation>Consultando este ticket al servidor…</translation>
    </message>
    <message>
        <source>Receipts of this till, or of any till while the server can be reached.</source>
        <translation>Tickets de esta caja, o de cualquier caja mientras haya conexión con el servidor.</translation>
    </message>
    <message>
        <source>sold %1 at %2 · returned before %3</source>
        <translation>vendidos %1 a %2 · devueltos antes %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Scan a receipt to start a return</source>
        <translation>Escanee un ticket para empezar una devolución</translation>
    </message>
    <message>
        <source>Choose line</source>
        <translation>Elegir línea</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Uno menos</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Uno más</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Devolución %1</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Volver a la venta</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Refund in cash</source>
        <translation>Devolver en efectivo</translation>
    </message>
    <message>
        <source>Refund to original tender</source>
        <translation>Devolver al medio de pago original</translation>
    </message>
</context>
<context>
    <name>SaleJournal</name>
    <message>
        <source>&apos;%1&apos; is not in the catalog</source>
        <translation>«%1» no está en el catálogo</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan, or type a barcode, SKU or name — 3* for three</source>
        <translation>Escanee o escriba un código de barras, SKU o nombre — 3* para tres</translation>
    </message>
</context>
<context>
    <name>SellScreen</name>
    <message>
        <source>Quantity of %1</source>
        <translation>Cantidad de %1</translation>
    </message>
    <message>
        <source>A whole number</source>
        <translation>Un número entero</translation>
    </message>
    <message>
        <source>Discount on %1</source>
        <translation>Descuento en %1</translation>
    </message>
    <message>
        <source>An amount such as 1.50, or a percentage such as 10%</source>
        <translation>Un importe como 1.50 o un porcentaje como 10%</translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation>Descuento en toda la venta</translation>
    </message>
    <message>
        <source>An amount such as 5.00, or a percentage such as 10%</source>
        <translation>Un importe como 5.00 o un porcentaje como 10%</translation>
    </message>
    <message>
        <source>Price of %1</source>
        <translation>Precio de %1</translation>
    </message>
    <message>
        <source>The unit price to charge, such as 3.99: a manager approves it</source>
        <translation>El precio unitario a cobrar, como 3.99: lo aprueba un encargado</translation>
    </message>
    <message>
        <source>Park this sale</source>
        <translation>Aparcar esta venta</translation>
    </message>
    <message>
        <source>A name to find it by (optional)</source>
        <translation>Un nombre para encontrarla (opcional)</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>Next customer — scan the first item</source>
        <translation>Siguiente cliente — escanee el primer artículo</translation>
    </message>
    <message>
        <source>Scan the first item</source>
        <translation>Escanee el primer artículo</translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation>
            <numerusform>%n aquí</numerusform>
            <numerusform>%n aquí</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale discount %1</source>
        <translation>Descuento en la venta %1</translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation>Subtotal %1</translation>
    </message>
    <message>
        <source>Tax %1</source>
        <translation>Impuesto %1</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>Devuelto %1</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Cambio a devolver</translation>
    </message>
    <message>
        <source>Receipt %1 · total %2</source>
        <translation>Ticket %1 · total %2</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Dto. línea</translation>
    </message>
    <message>
        <source>Sale discount</source>
        <translation>Dto. venta</translation>
    </message>
    <message>
        <source>Void line</source>
        <translation>Anular línea</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Aparcar venta</translation>
    </message>
    <message>
        <source>Parked (%1)</source>
        <translation>Aparcadas (%1)</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Price override</source>
        <translation>Cambiar precio</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Cancelar venta</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cajón</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Abrir caja</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Cobrar %1</translation>
    </message>
    <message>
        <source>Cancel this sale?</source>
        <translation>¿Cancelar esta venta?</translation>
    </message>
    <message>
        <source>Type YES and press Enter: every line is removed.</source>
        <translation>Escriba SÍ y pulse Intro: se quitan todas las líneas.</translation>
    </message>
    <message>
        <source>YES</source>
        <translation>SÍ</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Choose your name, type your PIN and press Enter.</source>
        <translation>Elija su nombre, escriba su PIN y pulse Intro.</translation>
    </message>
    <message>
        <source>No one can sign in at this till yet. The store&apos;s IT adds staff on the server with “stockline-server staff add --db DB NAME --role cashier|manager” (the PIN is read from stdin); the list arrives here as soon as the till is connected.</source>
        <translation>Todavía nadie puede iniciar sesión en esta caja. Informática da de alta al personal en el servidor con «stockline-server staff add --db DB NAME --role cashier|manager» (el PIN se lee de stdin); la lista llega aquí en cuanto la caja se conecta.</translation>
    </message>
    <message>
        <source>%1 (manager)</source>
        <translation>%1 (encargado)</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN de %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation>Elija primero su nombre</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Encargado</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>De 4 a 12 dígitos</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Last receipt %1</source>
        <translation>Último ticket %1</translation>
    </message>
    <message>
        <source>Terminal %1 · %2</source>
        <translation>Terminal %1 · %2</translation>
    </message>
    <message>
        <source>%1 · manager</source>
        <translation>%1 · encargado</translation>
    </message>
    <message>
        <source>Terminal setup</source>
        <translation>Configuración del terminal</translation>
    </message>
    <message>
        <source>Sign out (Ctrl+L)</source>
        <translation>Cerrar sesión (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Search by SKU or name</source>
        <translation>Buscar por SKU o nombre</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>buscando…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reservado</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>%1 low</source>
        <translation>%1 bajo mínimo</translation>
    </message>
    <message>
        <source>Nothing matches</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <source>History of %1 %2</source>
        <translation>Historial de %1 %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>History: pick a product and press Enter</source>
        <translation>Historial: elija un producto y pulse Intro</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>Every location</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>Low stock only</source>
        <translation>Solo stock bajo</translation>
    </message>
    <message>
        <source>All stock</source>
        <translation>Todo el stock</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
</context>
<context>
    <name>SupplierEditor</name>
    <message>
        <source>New supplier</source>
        <translation>Nuevo proveedor</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>E-mail or phone for orders</source>
        <translation>Correo o teléfono para pedidos</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>Plazo de entrega (días)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Active (untick to retire)</source>
        <translation>Activo (desmarcar para retirar)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sales are kept on this till and marked offline.</source>
        <translation>Las ventas se guardan en esta caja y se marcan sin conexión.</translation>
    </message>
    <message>
        <source>Stock is held for each line as it is scanned.</source>
        <translation>El stock se reserva para cada línea al escanearla.</translation>
    </message>
    <message>
        <source>Connecting to the server… Keep selling: sales are kept and sent later.</source>
        <translation>Conectando con el servidor… Siga vendiendo: las ventas se guardan y se envían después.</translation>
    </message>
    <message>
        <source>Sales are kept on this till and sent when it is back.</source>
        <translation>Las ventas se guardan en esta caja y se envían cuando vuelva.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Sync problems (%1) · F11</source>
        <translation>Problemas de sincronización (%1) · F11</translation>
    </message>
    <message>
        <source>Sync problems · F11</source>
        <translation>Problemas de sincronización · F11</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync problems</source>
        <translation>Problemas de sincronización</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Qué hacer: %1</translation>
    </message>
    <message>
        <source>Nothing to act on.</source>
        <translation>Nada que hacer.</translation>
    </message>
    <message>
        <source>Clear refusals</source>
        <translation>Borrar rechazos</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>TerminalsPage</name>
    <message>
        <source>Press F4 again to revoke %1</source>
        <translation>Pulse F4 otra vez para revocar %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>New terminal, such as POS-07</source>
        <translation>Terminal nuevo, como POS-07</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de emparejamiento</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
</context>
<context>
    <name>stockline</name>
    <message>
        <source>&apos;%1&apos; is not a quantity from %2 to %3.</source>
        <translation>«%1» no es una cantidad de %2 a %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity (a whole number from %2).</source>
        <translation>«%1» no es una cantidad (un número entero desde %2).</translation>
    </message>
    <message>
        <source>%1 is taken in %2: type the quantity first, like 1.250*%3</source>
        <translation>%1 se registra en %2: escriba antes la cantidad, como 1.250*%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount like 4.99</source>
        <translation>«%1» no es un importe como 4.99</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a percentage from 0 to 100</source>
        <translation>«%1» no es un porcentaje de 0 a 100</translation>
    </message>
</context>
<context>
    <name>stockline::print</name>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Devolución %1</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>DEVOLUCIÓN</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>for sale %1</source>
        <translation>de la venta %1</translation>
    </message>
    <message>
        <source>%1  terminal %2</source>
        <translation>%1  terminal %2</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Le atendió %1</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuesto</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Offline sale: stock not yet confirmed</source>
        <translation>Venta sin conexión: stock sin confirmar</translation>
    </message>
    <message>
        <source>Keep this receipt for returns. Thank you!</source>
        <translation>Guarde el ticket para cambios. ¡Gracias!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Redondeo en efectivo</translation>
    </message>
    <message>
        <source>VAT %1% on %2</source>
        <translation>IVA %1% sobre %2</translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation>Total sin IVA</translation>
    </message>
</context>
<context>
    <name>stockline::print::PurchaseOrder</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Coste unitario</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Purchase order %1</source>
        <translation>Pedido de compra %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Deliver to: %1</source>
        <translation>Entregar en: %1</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Previsto: %1</translation>
    </message>
    <message>
        <source>Placed: %1</source>
        <translation>Realizado: %1</translation>
    </message>
</context>
<context>
    <name>stockline::print::Receipt</name>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>no se puede terminar %1</translation>
    </message>
    <message>
        <source>%1 was not written</source>
        <translation>%1 no se escribió</translation>
    </message>
</context>
<context>
    <name>stockline::print::ReceiptPrinter</name>
    <message>
        <source>No receipt printer is set up (--printer).</source>
        <translation>No hay impresora de tickets configurada (--printer).</translation>
    </message>
    <message>
        <source>The receipt printer %1 cannot be opened: %2</source>
        <translation>No se puede abrir la impresora de tickets %1: %2</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not take the receipt: %2</source>
        <translation>La impresora de tickets %1 no aceptó el ticket: %2</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not print: %2</source>
        <translation>La impresora de tickets %1 no imprimió: %2</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
</context>
<context>
    <name>stockline::print::Report</name>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Approvals</name>
    <message>
        <source>Approved and done, but the approval could not be logged: %1</source>
        <translation>Aprobado y hecho, pero no se pudo registrar la aprobación: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::BackOfficeView</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>When: a local time like 2026-12-24 06:00, or empty for now</source>
        <translation>Cuándo: una hora local como 2026-12-24 06:00, o vacío para ahora</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Precio: %1</translation>
    </message>
    <message>
        <source>%1 costs %2 from %3</source>
        <translation>%1 cuesta %2 desde %3</translation>
    </message>
    <message>
        <source>%1 costs %2 now</source>
        <translation>%1 cuesta ahora %2</translation>
    </message>
    <message>
        <source>Choose a department or a supplier, not both</source>
        <translation>Elija un departamento o un proveedor, no ambos</translation>
    </message>
    <message>
        <source>Percent: a number such as 5 or -2.5</source>
        <translation>Porcentaje: un número como 5 o -2.5</translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) will change</source>
        <translation>
            <numerusform>cambiará %n precio</numerusform>
            <numerusform>cambiarán %n precios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) changed</source>
        <translation>
            <numerusform>%n precio cambiado</numerusform>
            <numerusform>%n precios cambiados</numerusform>
        </translation>
    </message>
    <message>
        <source>The price change is cancelled</source>
        <translation>El cambio de precio se ha cancelado</translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name</source>
        <translation>Indique el nombre del empleado</translation>
    </message>
    <message>
        <source>PIN: 4 to 12 digits</source>
        <translation>PIN: de 4 a 12 dígitos</translation>
    </message>
    <message>
        <source>%1 can sign in now</source>
        <translation>%1 ya puede iniciar sesión</translation>
    </message>
    <message>
        <source>%1 has a new PIN</source>
        <translation>%1 tiene un PIN nuevo</translation>
    </message>
    <message>
        <source>%1 can no longer sign in</source>
        <translation>%1 ya no puede iniciar sesión</translation>
    </message>
    <message>
        <source>%1 is revoked: it can no longer connect</source>
        <translation>%1 está revocado: ya no puede conectarse</translation>
    </message>
    <message>
        <source>Give the new terminal&apos;s name, such as POS-07</source>
        <translation>Indique el nombre del terminal nuevo, como POS-07</translation>
    </message>
    <message>
        <source>Pair %1 with code %2 before %3</source>
        <translation>Empareje %1 con el código %2 antes de las %3</translation>
    </message>
    <message>
        <source>Dates: from and to like 2026-12-01, from not after to</source>
        <translation>Fechas: Desde y Hasta como 2026-12-01, Desde no posterior a Hasta</translation>
    </message>
    <message>
        <source>Sales by %1</source>
        <translation>Ventas por %1</translation>
    </message>
    <message>
        <source>The server&apos;s report has no columns to show</source>
        <translation>El informe del servidor no tiene columnas que mostrar</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuesto</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Punto de pedido</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Precio nuevo</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Creado por</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN incorrecto</translation>
    </message>
    <message>
        <source>Only an active manager can open the back office</source>
        <translation>Solo un encargado activo puede abrir la administración</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait five minutes</source>
        <translation>Demasiados PIN incorrectos: espere cinco minutos</translation>
    </message>
    <message>
        <source>A manager must sign in to the back office first</source>
        <translation>Antes debe iniciar sesión un encargado en la administración</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name and PIN</source>
        <translation>Escriba el nombre y el PIN del encargado</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>La administración necesita el servidor</translation>
    </message>
    <message>
        <source>%1 signed in to the back office</source>
        <translation>%1 ha iniciado sesión en la administración</translation>
    </message>
    <message>
        <source>Give the product a SKU</source>
        <translation>Asigne un SKU al producto</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Coste: %1</translation>
    </message>
    <message>
        <source>Tax rate: %1</source>
        <translation>Tipo de impuesto: %1</translation>
    </message>
    <message>
        <source>Reorder point: a whole number of units, 0 or more</source>
        <translation>Punto de pedido: un número entero de unidades, 0 o más</translation>
    </message>
    <message>
        <source>%1 saved (version %2)</source>
        <translation>%1 guardado (versión %2)</translation>
    </message>
    <message>
        <source>%1 exists already</source>
        <translation>%1 ya existe</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Alguien</translation>
    </message>
    <message>
        <source>%1 changed %2 meanwhile</source>
        <translation>%1 cambió %2 entretanto</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3</source>
        <translation>%1 cambió %2 a las %3</translation>
    </message>
    <message>
        <source>nothing you can see</source>
        <translation>nada visible</translation>
    </message>
    <message>
        <source>Nothing was saved: check theirs, then save again.</source>
        <translation>No se guardó nada: revise la otra versión y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Tax by rate</source>
        <translation>Impuesto por tipo</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Devoluciones</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Descuentos</translation>
    </message>
    <message>
        <source>Price overrides</source>
        <translation>Cambios de precio</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Autorizaciones</translation>
    </message>
    <message>
        <source>Cash over/short</source>
        <translation>Descuadre de caja</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Márgenes</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>Mermas</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma de pago</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>Plazo de entrega (días)</translation>
    </message>
    <message>
        <source>Sold/day</source>
        <translation>Vendido/día</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Sugerido</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>A pedir</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Coste unitario</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>recibido en parte</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibido</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Give the supplier a short id, such as ACME</source>
        <translation>Dé al proveedor un identificador corto, como ACME</translation>
    </message>
    <message>
        <source>Give the supplier&apos;s name</source>
        <translation>Indique el nombre del proveedor</translation>
    </message>
    <message>
        <source>Lead time: whole days, 0 to 365</source>
        <translation>Plazo de entrega: días enteros, de 0 a 365</translation>
    </message>
    <message>
        <source>Window: 7 to 365 days</source>
        <translation>Periodo: de 7 a 365 días</translation>
    </message>
    <message>
        <source>Give the location to order for</source>
        <translation>Indique la ubicación para la que se pide</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) to order</source>
        <translation>
            <numerusform>%n producto por pedir</numerusform>
            <numerusform>%n productos por pedir</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a suggestion first</source>
        <translation>Elija primero una sugerencia</translation>
    </message>
    <message>
        <source>Quantity: whole units, 0 to 1,000,000</source>
        <translation>Cantidad: unidades enteras, de 0 a 1.000.000</translation>
    </message>
    <message>
        <source>Unit cost: an amount such as 1.20</source>
        <translation>Coste unitario: un importe como 1,20</translation>
    </message>
    <message>
        <source>Choose the supplier to order from, then ask for suggestions</source>
        <translation>Elija el proveedor y luego pida sugerencias</translation>
    </message>
    <message>
        <source>Nothing to order: every quantity is 0</source>
        <translation>Nada que pedir: todas las cantidades son 0</translation>
    </message>
    <message numerus="yes">
        <source>Ordered as %1: %n line(s), expected at the dock now</source>
        <translation>
            <numerusform>Pedido %1: %n línea, ya esperada en el muelle</numerusform>
            <numerusform>Pedido %1: %n líneas, ya esperadas en el muelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an order first</source>
        <translation>Elija primero un pedido</translation>
    </message>
    <message>
        <source>%1 is closed: the docks no longer expect it</source>
        <translation>%1 está cerrado: los muelles ya no lo esperan</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Give the file to save to</source>
        <translation>Indique el archivo donde guardar</translation>
    </message>
    <message>
        <source>%1 saved to %2</source>
        <translation>%1 guardado en %2</translation>
    </message>
    <message>
        <source>Received value</source>
        <translation>Valor recibido</translation>
    </message>
    <message>
        <source>Cover: 0 to 365 days</source>
        <translation>Cobertura: de 0 a 365 días</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 de %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CartModel</name>
    <message>
        <source>There is no line %1.</source>
        <translation>No hay línea %1.</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>Una cantidad es un número entero de 1 a %1.</translation>
    </message>
    <message>
        <source>A sale may total at most %1.</source>
        <translation>Una venta puede sumar como máximo %1.</translation>
    </message>
    <message>
        <source>A discount on this line is at most %1.</source>
        <translation>El descuento en esta línea es como máximo %1.</translation>
    </message>
    <message>
        <source>A price is zero or more.</source>
        <translation>Un precio es cero o más.</translation>
    </message>
    <message>
        <source>A discount on this sale is at most %1.</source>
        <translation>El descuento en esta venta es como máximo %1.</translation>
    </message>
    <message>
        <source>held</source>
        <translation>reservado</translation>
    </message>
    <message>
        <source>only %1 left</source>
        <translation>solo quedan %1</translation>
    </message>
    <message numerus="yes">
        <source>only %n left</source>
        <translation>
            <numerusform>solo queda %n</numerusform>
            <numerusform>solo quedan %n</numerusform>
        </translation>
    </message>
    <message>
        <source>offline — not confirmed</source>
        <translation>sin conexión — sin confirmar</translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation>aún sin confirmar</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CashDrawer</name>
    <message>
        <source>The cash drawer cannot be read: %1</source>
        <translation>No se puede leer la caja: %1</translation>
    </message>
    <message>
        <source>Nobody is signed in: the drawer records who opens, pays in or out and closes it.</source>
        <translation>No hay nadie con sesión iniciada: la caja registra quién abre, ingresa o retira y cierra.</translation>
    </message>
    <message>
        <source>The drawer was not opened: %1</source>
        <translation>La caja no se abrió: %1</translation>
    </message>
    <message>
        <source>The drawer was not opened: %1 is too large a float.</source>
        <translation>La caja no se abrió: %1 es un fondo demasiado grande.</translation>
    </message>
    <message>
        <source>Nothing was paid in: %1</source>
        <translation>No se ingresó nada: %1</translation>
    </message>
    <message>
        <source>Nothing was paid out: %1</source>
        <translation>No se retiró nada: %1</translation>
    </message>
    <message>
        <source>the drawer is closed; open it with a float first.</source>
        <translation>la caja está cerrada; ábrala antes con un fondo.</translation>
    </message>
    <message>
        <source>“%1” is not an amount more than zero.</source>
        <translation>«%1» no es un importe mayor que cero.</translation>
    </message>
    <message>
        <source>say why (a reason is required).</source>
        <translation>indique el motivo (es obligatorio).</translation>
    </message>
    <message>
        <source>No X report: %1</source>
        <translation>Sin informe X: %1</translation>
    </message>
    <message>
        <source>The drawer is closed already: there is nothing to count.</source>
        <translation>La caja ya está cerrada: no hay nada que contar.</translation>
    </message>
    <message>
        <source>The drawer was not closed: %1</source>
        <translation>La caja no se cerró: %1</translation>
    </message>
    <message>
        <source>There is no cash report to print again yet.</source>
        <translation>Aún no hay informe de caja que reimprimir.</translation>
    </message>
    <message>
        <source>The report cannot be read again: %1</source>
        <translation>No se puede volver a leer el informe: %1</translation>
    </message>
    <message>
        <source>There is no cash report to print yet.</source>
        <translation>Aún no hay informe de caja que imprimir.</translation>
    </message>
    <message>
        <source>There is no cash report to save yet.</source>
        <translation>Aún no hay informe de caja que guardar.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>The report PDF was not saved: %1</source>
        <translation>No se guardó el PDF del informe: %1</translation>
    </message>
    <message>
        <source>Z report, cash session %1</source>
        <translation>Informe Z, turno de caja %1</translation>
    </message>
    <message>
        <source>X report, cash session %1</source>
        <translation>Informe X, turno de caja %1</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation>Sobrante %1</translation>
    </message>
    <message>
        <source>Short %1</source>
        <translation>Faltan %1</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exacto</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CycleCount</name>
    <message>
        <source>Choose the location to count.</source>
        <translation>Elija la ubicación que se cuenta.</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>No se puede leer el catálogo: %1</translation>
    </message>
    <message>
        <source>No product&apos;s SKU starts with &apos;%1&apos;.</source>
        <translation>Ningún SKU de producto empieza por «%1».</translation>
    </message>
    <message>
        <source>The dock&apos;s counts cannot be read: %1</source>
        <translation>No se pueden leer los recuentos del muelle: %1</translation>
    </message>
    <message>
        <source>Stock moved while you counted: the server now has %1. Count this line again.</source>
        <translation>El stock se movió mientras contaba: el servidor tiene ahora %1. Cuente esta línea de nuevo.</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Rechazado (%1): %2</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Elija antes una línea.</translation>
    </message>
    <message>
        <source>%1 is sent; wait for the server&apos;s answer.</source>
        <translation>%1 enviado; espere la respuesta del servidor.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a count (a whole number from 0).</source>
        <translation>«%1» no es un recuento (un número entero desde 0).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>The count of %1 could not be saved: %2</source>
        <translation>No se pudo guardar el recuento de %1: %2</translation>
    </message>
    <message>
        <source>Type the count of at least one line first.</source>
        <translation>Escriba antes el recuento de al menos una línea.</translation>
    </message>
    <message>
        <source>%1 moved while it was counted: count that line again.</source>
        <translation>%1 se movió mientras se contaba: cuente esa línea de nuevo.</translation>
    </message>
    <message>
        <source>The count of %1 was refused: %2</source>
        <translation>El recuento de %1 fue rechazado: %2</translation>
    </message>
    <message>
        <source>Stock moved while you counted: the server now has 131. Count this line again.</source>
        <translation>El stock se movió mientras contaba: el servidor tiene ahora 131. Cuente esta línea de nuevo.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::DayView</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no date: type it as 2026-12-07.</source>
        <translation>«%1» no es una fecha: escríbala como 2026-12-07.</translation>
    </message>
    <message>
        <source>The store&apos;s day is kept by the server, which cannot be reached now.</source>
        <translation>El día de la tienda lo lleva el servidor, y ahora no se puede contactar.</translation>
    </message>
    <message>
        <source>Drawers still open: %1</source>
        <translation>Cajas aún abiertas: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Every till has reported.</source>
        <translation>Todas las cajas han informado.</translation>
    </message>
    <message>
        <source>Not heard from before the day ended, their sales may still come: %1</source>
        <translation>Sin noticias antes del cierre del día, sus ventas pueden llegar aún: %1</translation>
    </message>
    <message>
        <source>Only a manager&apos;s terminal may see the store&apos;s day.</source>
        <translation>Solo el terminal de un encargado puede ver el día de la tienda.</translation>
    </message>
    <message>
        <source>The server did not give the day: %1</source>
        <translation>El servidor no dio el día: %1</translation>
    </message>
    <message>
        <source>%1 sales, %2 (tax %3); %4 refunds, %5</source>
        <translation>%1 ventas, %2 (impuestos %3); %4 devoluciones, %5</translation>
    </message>
    <message>
        <source>%1 sales, %2</source>
        <translation>%1 ventas, %2</translation>
    </message>
    <message>
        <source>%1 refunds, %2</source>
        <translation>%1 devoluciones, %2</translation>
    </message>
    <message>
        <source>last heard %1</source>
        <translation>último contacto %1</translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation>cobrado %1</translation>
    </message>
    <message>
        <source>paid back %1</source>
        <translation>devuelto %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>neto %1</translation>
    </message>
    <message>
        <source>tax %1</source>
        <translation>impuesto %1</translation>
    </message>
    <message>
        <source>%1 (last heard %2)</source>
        <translation>%1 (último contacto %2)</translation>
    </message>
</context>
<context>
    <name>stockline::qml::DenominationModel</name>
    <message>
        <source>“%1” is not a count of %2: type how many, a whole number from 0 to %3.</source>
        <translation>«%1» no es un recuento de %2: escriba cuántos, un número entero de 0 a %3.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Dock</name>
    <message>
        <source>The dock&apos;s unanswered work cannot be read: %1</source>
        <translation>No se puede leer el trabajo sin respuesta del muelle: %1</translation>
    </message>
    <message>
        <source>The dock&apos;s last booking cannot be read: %1</source>
        <translation>No se puede leer el último registro del muelle: %1</translation>
    </message>
    <message>
        <source>Last booked: receipt %1</source>
        <translation>Último registro: recepción %1</translation>
    </message>
    <message>
        <source>Last booked: transfer %1</source>
        <translation>Último registro: traspaso %1</translation>
    </message>
    <message>
        <source>Last booked: count of %1</source>
        <translation>Último registro: recuento de %1</translation>
    </message>
    <message>
        <source>Last booked: adjustment of %1</source>
        <translation>Último registro: ajuste de %1</translation>
    </message>
    <message>
        <source>The expected deliveries cannot be read: %1</source>
        <translation>No se pueden leer las entregas previstas: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ExceptionsModel</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 a las %2</translation>
    </message>
    <message>
        <source>Only a manager terminal resolves shortages: ask a manager to resolve it from one.</source>
        <translation>Solo un terminal de encargado resuelve faltantes: pida a un encargado que lo resuelva desde uno.</translation>
    </message>
    <message>
        <source>Accept the loss of %1 × %2 at %3 (shortage %4)</source>
        <translation>Aceptar la pérdida de %1 × %2 en %3 (faltante %4)</translation>
    </message>
    <message>
        <source>Recount %1 at %2: %3 on the shelf (shortage %4)</source>
        <translation>Recontar %1 en %2: %3 en el estante (faltante %4)</translation>
    </message>
    <message>
        <source>The resolution could not be saved: %1</source>
        <translation>No se pudo guardar la resolución: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::HistoryModel</name>
    <message>
        <source>The history needs the server, and this terminal is not connected to it right now.</source>
        <translation>El historial necesita el servidor, y este terminal no está conectado ahora.</translation>
    </message>
    <message>
        <source>The server cannot show this history: %1</source>
        <translation>El servidor no puede mostrar este historial: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ParkedModel</name>
    <message>
        <source>The parked sales cannot be read: %1</source>
        <translation>No se pueden leer las ventas aparcadas: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::PaymentModel</name>
    <message>
        <source>Cash</source>
        <translation>Efectivo</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Introduzca un importe mayor que cero.</translation>
    </message>
    <message>
        <source>The sale is already paid.</source>
        <translation>La venta ya está pagada.</translation>
    </message>
    <message>
        <source>A card pays at most the %1 still due.</source>
        <translation>Con tarjeta se paga como máximo lo pendiente, %1.</translation>
    </message>
    <message>
        <source>Enter the card slip&apos;s reference (up to %1 characters).</source>
        <translation>Introduzca la referencia del comprobante de tarjeta (hasta %1 caracteres).</translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation>No hay pago %1.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Receiving</name>
    <message>
        <source>The deliveries cannot be read: %1</source>
        <translation>No se pueden leer las entregas: %1</translation>
    </message>
    <message>
        <source>Delivery %1 is not open.</source>
        <translation>La entrega %1 no está abierta.</translation>
    </message>
    <message>
        <source>Choose the location the goods go to.</source>
        <translation>Elija la ubicación a la que va la mercancía.</translation>
    </message>
    <message>
        <source>Choose a delivery, or start a receipt without one, first.</source>
        <translation>Elija antes una entrega o empiece una recepción sin entrega.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity and a code, such as 12*4006381333931.</source>
        <translation>«%1» no es una cantidad y un código, como 12*4006381333931.</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>No se puede leer el catálogo: %1</translation>
    </message>
    <message>
        <source>%1 is not in the catalog.</source>
        <translation>%1 no está en el catálogo.</translation>
    </message>
    <message>
        <source>%1 (%2) is not on delivery %3. Set it aside, or receive it without a delivery.</source>
        <translation>%1 (%2) no está en la entrega %3. Apártelo o recíbalo sin entrega.</translation>
    </message>
    <message>
        <source>That makes more than %1 on one line.</source>
        <translation>Eso supera %1 en una línea.</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Elija antes una línea.</translation>
    </message>
    <message>
        <source>A receipt without a delivery has nothing to refuse: leave refused goods out of it.</source>
        <translation>Una recepción sin entrega no tiene nada que rechazar: deje fuera la mercancía rechazada.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Nothing is being received.</source>
        <translation>No se está recibiendo nada.</translation>
    </message>
    <message>
        <source>Count what arrived first: nothing is counted.</source>
        <translation>Cuente antes lo que ha llegado: no hay nada contado.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>La nota tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Receive more than delivery %1 expects</source>
        <translation>Recibir más de lo que espera la entrega %1</translation>
    </message>
    <message>
        <source>Only refused goods: the server books a receipt with at least one accepted unit. Count what is accepted, or leave the delivery open.</source>
        <translation>Solo mercancía rechazada: el servidor registra una recepción con al menos una unidad aceptada. Cuente lo aceptado o deje la entrega abierta.</translation>
    </message>
    <message>
        <source>over expected, approved by %1. %2</source>
        <translation>más de lo previsto, aprobado por %1. %2</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>No se pudo guardar la recepción: %1</translation>
    </message>
    <message>
        <source>Receipt %1 booked.</source>
        <translation>Recepción %1 registrada.</translation>
    </message>
    <message>
        <source>Receipt %1 booked against %2.</source>
        <translation>Recepción %1 registrada contra %2.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused: %2. Other docks booked part of this delivery meanwhile; nothing of the receipt was booked. Open the delivery again and count the difference, or have a manager approve the extra units.</source>
        <translation>La recepción %1 fue rechazada: %2. Otros muelles registraron entretanto parte de esta entrega; no se registró nada de la recepción. Abra de nuevo la entrega y cuente la diferencia, o pida a un encargado que apruebe las unidades de más.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused: the delivery is no longer open. Nothing was booked; receive the goods without a delivery, or ask a manager.</source>
        <translation>La recepción %1 fue rechazada: la entrega ya no está abierta. No se registró nada; reciba la mercancía sin entrega o pregunte a un encargado.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused (%2): %3</source>
        <translation>La recepción %1 fue rechazada (%2): %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ReportModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ReturnsModel</name>
    <message>
        <source>Receipt %1 cannot be returned: %2</source>
        <translation>El ticket %1 no admite devolución: %2</translation>
    </message>
    <message>
        <source>Receipt %1: this receipt is from another till and the server cannot be reached; refunds of other tills&apos; receipts need the server.</source>
        <translation>Ticket %1: este ticket es de otra caja y no se puede contactar con el servidor; las devoluciones de tickets de otras cajas necesitan el servidor.</translation>
    </message>
    <message>
        <source>neither this till nor the server knows it</source>
        <translation>ni esta caja ni el servidor lo conocen</translation>
    </message>
    <message>
        <source>Receipt %1 is a refund, not a sale: scan the sale&apos;s receipt.</source>
        <translation>El ticket %1 es una devolución, no una venta: escanee el ticket de la venta.</translation>
    </message>
    <message>
        <source>Choose the lines to return first.</source>
        <translation>Elija antes las líneas que se devuelven.</translation>
    </message>
    <message>
        <source>No refund — %1 (Ctrl+D on the sale screen).</source>
        <translation>Sin devolución — %1 (Ctrl+D en la pantalla de venta).</translation>
    </message>
    <message>
        <source>The refund was not recorded: %1</source>
        <translation>La devolución no se registró: %1</translation>
    </message>
    <message>
        <source>Sold %1 for %2</source>
        <translation>Vendido %1 por %2</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>efectivo</translation>
    </message>
    <message>
        <source>card</source>
        <translation>tarjeta</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>nothing paid</source>
        <translation>nada pagado</translation>
    </message>
    <message>
        <source>Paid with %1</source>
        <translation>Pagado con %1</translation>
    </message>
    <message>
        <source>; %1 refunded before</source>
        <translation>; %1 ya devueltos</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SearchModel</name>
    <message>
        <source>Search failed: %1</source>
        <translation>La búsqueda falló: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockHolds</name>
    <message>
        <source>This till could not ask the server to hold stock (%1). You can keep selling; the lines show as not confirmed.</source>
        <translation>Esta caja no pudo pedir al servidor que reserve stock (%1). Puede seguir vendiendo; las líneas aparecen sin confirmar.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockModel</name>
    <message>
        <source>cannot open %1 to read the stock: %2</source>
        <translation>no se puede abrir %1 para leer el stock: %2</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockMoves</name>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>No se puede leer el catálogo: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the catalog.</source>
        <translation>«%1» no está en el catálogo.</translation>
    </message>
    <message>
        <source>Choose two different locations to move stock between.</source>
        <translation>Elija dos ubicaciones distintas para mover el stock.</translation>
    </message>
    <message>
        <source>Transfer of %1 × %2 from %3 to %4</source>
        <translation>Traspaso de %1 × %2 de %3 a %4</translation>
    </message>
    <message>
        <source>Choose why: %1.</source>
        <translation>Elija el motivo: %1.</translation>
    </message>
    <message>
        <source>Choose the location.</source>
        <translation>Elija la ubicación.</translation>
    </message>
    <message>
        <source>Adjustment of %1 by %2 at %3 (%4)</source>
        <translation>Ajuste de %1 en %2 en %3 (%4)</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>%1 booked.</source>
        <translation>%1 registrado.</translation>
    </message>
    <message>
        <source>Transfer %1</source>
        <translation>Traspaso %1</translation>
    </message>
    <message>
        <source>Adjustment of %1</source>
        <translation>Ajuste de %1</translation>
    </message>
    <message>
        <source>%1 was refused: only %2 available there. Nothing was moved; count the shelf.</source>
        <translation>%1 fue rechazado: allí solo hay %2 disponibles. No se movió nada; cuente el estante.</translation>
    </message>
    <message>
        <source>%1 was refused (%2): %3</source>
        <translation>%1 fue rechazado (%2): %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SyncProblemsModel</name>
    <message>
        <source>sale</source>
        <translation>venta</translation>
    </message>
    <message>
        <source>return</source>
        <translation>devolución</translation>
    </message>
    <message>
        <source>stock hold</source>
        <translation>reserva de stock</translation>
    </message>
    <message>
        <source>stock release</source>
        <translation>liberación de stock</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>recepción</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>ajuste de stock</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>%1 (%2, change %3)</source>
        <translation>%1 (%2, cambio %3)</translation>
    </message>
    <message>
        <source>A sale was sent again as an offline sale</source>
        <translation>Una venta se envió de nuevo como venta sin conexión</translation>
    </message>
    <message>
        <source>Nothing to do at the till: the sale is kept and counted. The server had less stock than was sold; a manager will see a shortage to check.</source>
        <translation>No hay nada que hacer en la caja: la venta se guarda y cuenta. El servidor tenía menos stock del vendido; un encargado verá un faltante que revisar.</translation>
    </message>
    <message>
        <source>The server does not let this till send a %1</source>
        <translation>El servidor no deja que esta caja envíe una operación (%1)</translation>
    </message>
    <message>
        <source>Call IT: this till may be enrolled with the wrong role. Everything is kept on this till.</source>
        <translation>Llame a informática: puede que esta caja esté dada de alta con el rol equivocado. Todo se guarda en esta caja.</translation>
    </message>
    <message>
        <source>The server does not know a product in a %1</source>
        <translation>El servidor no conoce un producto de una operación (%1)</translation>
    </message>
    <message>
        <source>Keep selling. Tell a manager: the product must be added to the server&apos;s catalog. The %1 is kept on this till.</source>
        <translation>Siga vendiendo. Avise a un encargado: hay que añadir el producto al catálogo del servidor. La operación (%1) se guarda en esta caja.</translation>
    </message>
    <message>
        <source>The server does not know this till&apos;s location</source>
        <translation>El servidor no conoce la ubicación de esta caja</translation>
    </message>
    <message>
        <source>Call IT: the till is set up with a wrong location. Everything is kept on this till.</source>
        <translation>Llame a informática: la caja está configurada con una ubicación errónea. Todo se guarda en esta caja.</translation>
    </message>
    <message>
        <source>A receipt went past what its delivery expects</source>
        <translation>Una recepción superó lo que esperaba su entrega</translation>
    </message>
    <message>
        <source>Nothing of it was booked: another dock received part of the delivery meanwhile. Open the delivery again and receive what is left; more than expected needs a manager.</source>
        <translation>No se registró nada: otro muelle recibió entretanto parte de la entrega. Abra de nuevo la entrega y reciba lo que falta; más de lo previsto requiere un encargado.</translation>
    </message>
    <message>
        <source>A receipt names a delivery that is no longer open</source>
        <translation>Una recepción indica una entrega que ya no está abierta</translation>
    </message>
    <message>
        <source>Nothing of it was booked. Receive the goods without a delivery, or ask a manager about the delivery.</source>
        <translation>No se registró nada. Reciba la mercancía sin entrega o pregunte a un encargado por la entrega.</translation>
    </message>
    <message>
        <source>Stock moved while a shelf was counted</source>
        <translation>El stock se movió mientras se contaba un estante</translation>
    </message>
    <message>
        <source>Nothing was booked: count that line again on the count screen.</source>
        <translation>No se registró nada: cuente esa línea de nuevo en la pantalla de recuento.</translation>
    </message>
    <message>
        <source>A refund was more than was left to refund</source>
        <translation>Una devolución superó lo que quedaba por devolver</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 left</source>
        <translation>línea %1 (%2): quedan %3</translation>
    </message>
    <message>
        <source>Still refundable on the sale: %1. %2</source>
        <translation>Aún se puede devolver de la venta: %1. %2</translation>
    </message>
    <message>
        <source>Another till refunded the same receipt meanwhile, so the server did not take these goods back. Tell a manager: the money went back at this till; check the receipt and the drawer.</source>
        <translation>Otra caja devolvió el mismo ticket entretanto, así que el servidor no aceptó esta mercancía. Avise a un encargado: el dinero se devolvió en esta caja; revise el ticket y el cajón.</translation>
    </message>
    <message>
        <source>An offline refund went beyond what was left to refund</source>
        <translation>Una devolución sin conexión superó lo que quedaba por devolver</translation>
    </message>
    <message>
        <source>The refund is kept: the money went back at this till while the server could not be reached, but another till had refunded the same receipt. A manager sees it in the store&apos;s day under refund exceptions; check the receipt and the drawer.</source>
        <translation>La devolución se mantiene: el dinero se devolvió en esta caja mientras no había conexión con el servidor, pero otra caja ya había devuelto el mismo ticket. Un encargado lo ve en el día de la tienda en excepciones de devolución; revise el ticket y el cajón.</translation>
    </message>
    <message>
        <source>Not enough stock for a %1</source>
        <translation>No hay stock suficiente para una operación (%1)</translation>
    </message>
    <message>
        <source>Tell a manager: the shelf and the server disagree.</source>
        <translation>Avise a un encargado: el estante y el servidor no coinciden.</translation>
    </message>
    <message>
        <source>The server refused a %1</source>
        <translation>El servidor rechazó una operación (%1)</translation>
    </message>
    <message>
        <source>Call IT and show them this message. The %1 is kept on this till.</source>
        <translation>Llame a informática y muéstrele este mensaje. La operación (%1) se guarda en esta caja.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n more sold than the stock showed</source>
        <translation>
            <numerusform>%1: %n vendido más de lo que mostraba el stock</numerusform>
            <numerusform>%1: %n vendidos más de lo que mostraba el stock</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale %1 at this till, %2, at %3</source>
        <translation>Venta %1 en esta caja, %2, en %3</translation>
    </message>
    <message>
        <source>Sale %1 at till %2, %3, at %4</source>
        <translation>Venta %1 en la caja %2, %3, en %4</translation>
    </message>
    <message>
        <source>Nothing to do at the till. A manager should count %1 on the shelf and resolve the shortage on the server.</source>
        <translation>No hay nada que hacer en la caja. Un encargado debería contar %1 en el estante y resolver el faltante en el servidor.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SyncStatus</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Sin servidor</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Todo enviado</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n por enviar</numerusform>
            <numerusform>%n por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · oldest %2</source>
        <translation>%1 · la más antigua %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 · prices include tax</source>
        <translation>%1 · precios con impuestos</translation>
    </message>
    <message>
        <source>%1 · prices exclude tax</source>
        <translation>%1 · precios sin impuestos</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Till</name>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>Una cantidad es un número entero de 1 a %1.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>No se encontró nada para «%1».</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>No se puede leer el catálogo: %1</translation>
    </message>
    <message>
        <source>Unknown barcode %1: not in the catalog.</source>
        <translation>Código de barras desconocido %1: no está en el catálogo.</translation>
    </message>
    <message>
        <source>Unreadable barcode: %1</source>
        <translation>Código de barras ilegible: %1</translation>
    </message>
    <message>
        <source>price from label</source>
        <translation>precio de la etiqueta</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 of %2 is not from %3 to %4.</source>
        <translation>%1 de %2 no está entre %3 y %4.</translation>
    </message>
    <message>
        <source>A weighed label is one item: scan each label on its own.</source>
        <translation>Una etiqueta de peso es un artículo: escanee cada etiqueta por separado.</translation>
    </message>
    <message>
        <source>%1 has no price per %2: its weight cannot come from the label.</source>
        <translation>%1 no tiene precio por %2: el peso no puede tomarse de la etiqueta.</translation>
    </message>
    <message>
        <source>%1 is sold by %2: scan its label, or type the weight first, like 0.532*</source>
        <translation>%1 se vende por %2: escanee su etiqueta o escriba antes el peso, como 0.532*</translation>
    </message>
    <message>
        <source>%1 is sold in whole units, not %2.</source>
        <translation>%1 se vende por unidades enteras, no %2.</translation>
    </message>
    <message>
        <source>%1 (%2) is no longer sold.</source>
        <translation>%1 (%2) ya no se vende.</translation>
    </message>
    <message>
        <source>A sale may total at most %1.</source>
        <translation>Una venta puede sumar como máximo %1.</translation>
    </message>
    <message>
        <source>No product %1.</source>
        <translation>No hay producto %1.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>«%1» no es un número entero.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Elija antes una línea.</translation>
    </message>
    <message>
        <source>A discount on this line is at most %1.</source>
        <translation>El descuento en esta línea es como máximo %1.</translation>
    </message>
    <message>
        <source>%1 off %2 (%3)</source>
        <translation>%1 de descuento en %2 (%3)</translation>
    </message>
    <message>
        <source>A discount on this sale is at most %1.</source>
        <translation>El descuento en esta venta es como máximo %1.</translation>
    </message>
    <message>
        <source>%1 off the whole sale (%2)</source>
        <translation>%1 de descuento en toda la venta (%2)</translation>
    </message>
    <message>
        <source>%1: price %2 instead of %3</source>
        <translation>%1: precio %2 en lugar de %3</translation>
    </message>
    <message>
        <source>price override (was %1), approved by %2</source>
        <translation>precio cambiado (era %1), aprobado por %2</translation>
    </message>
    <message>
        <source>Cancel a sale of %1 with %2 already paid</source>
        <translation>Cancelar una venta de %1 con %2 ya pagado</translation>
    </message>
    <message>
        <source>Scan an item first.</source>
        <translation>Escanee antes un artículo.</translation>
    </message>
    <message>
        <source>No payment — %1 (Ctrl+D).</source>
        <translation>Sin cobro — %1 (Ctrl+D).</translation>
    </message>
    <message>
        <source>Give back %1 already paid and return to the sale</source>
        <translation>Devolver los %1 ya pagados y volver a la venta</translation>
    </message>
    <message>
        <source>Choose a payment first.</source>
        <translation>Elija antes un pago.</translation>
    </message>
    <message>
        <source>Give back the %1 payment of %2</source>
        <translation>Devolver el pago (%1) de %2</translation>
    </message>
    <message>
        <source>This till runs on its command line: change its setup there.</source>
        <translation>Esta caja se ejecuta con opciones de línea de órdenes: cambie allí su configuración.</translation>
    </message>
    <message>
        <source>Change the setup of terminal %1</source>
        <translation>Cambiar la configuración del terminal %1</translation>
    </message>
    <message>
        <source>Choose what is returned first.</source>
        <translation>Elija antes lo que se devuelve.</translation>
    </message>
    <message>
        <source>No refund — %1 (Ctrl+D on the sale screen).</source>
        <translation>Sin devolución — %1 (Ctrl+D en la pantalla de venta).</translation>
    </message>
    <message>
        <source>Refund %1 on receipt %2</source>
        <translation>Devolver %1 del ticket %2</translation>
    </message>
    <message>
        <source>The sale is not paid yet.</source>
        <translation>La venta aún no está pagada.</translation>
    </message>
    <message>
        <source>The sale was NOT saved, nothing is lost yet: %1. Try again, or call IT if it keeps failing.</source>
        <translation>La venta NO se guardó, aún no se ha perdido nada: %1. Inténtelo de nuevo o llame a informática si sigue fallando.</translation>
    </message>
    <message>
        <source>There is no receipt to print yet.</source>
        <translation>Aún no hay ticket que imprimir.</translation>
    </message>
    <message>
        <source>There is no receipt to save yet.</source>
        <translation>Aún no hay ticket que guardar.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>The receipt PDF was not saved: %1</source>
        <translation>No se guardó el PDF del ticket: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artículo</numerusform>
            <numerusform>%n artículos</numerusform>
        </translation>
    </message>
    <message>
        <source>The sale could not be parked: %1</source>
        <translation>No se pudo aparcar la venta: %1</translation>
    </message>
    <message>
        <source>Finish or park the current sale first.</source>
        <translation>Termine o aparque antes la venta en curso.</translation>
    </message>
    <message>
        <source>The sale in progress could not be saved: %1</source>
        <translation>No se pudo guardar la venta en curso: %1</translation>
    </message>
    <message>
        <source>The sale in progress could not be read: %1</source>
        <translation>No se puede leer la venta en curso: %1</translation>
    </message>
    <message>
        <source>The sale in progress when the till stopped is back in the cart.</source>
        <translation>La venta en curso cuando se detuvo la caja vuelve a estar en el carrito.</translation>
    </message>
    <message>
        <source>Restored after a restart: check against the last receipt</source>
        <translation>Recuperada tras un reinicio: compruébela con el último ticket</translation>
    </message>
    <message>
        <source>The sale in progress could not be restored: %1</source>
        <translation>No se pudo recuperar la venta en curso: %1</translation>
    </message>
    <message>
        <source>The sale in progress when the till stopped was parked: check it against the last receipt before ringing it up.</source>
        <translation>La venta en curso cuando se detuvo la caja se aparcó: compruébela con el último ticket antes de cobrarla.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::TillSync</name>
    <message>
        <source>Sale %1 could not be queued again for the server: %2. It is kept on this till; call IT.</source>
        <translation>La venta %1 no se pudo volver a poner en cola para el servidor: %2. Se guarda en esta caja; llame a informática.</translation>
    </message>
</context>
<context>
    <name>stockline::sync::BackOffice</name>
    <message>
        <source>The server did not answer</source>
        <translation>El servidor no respondió</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>La administración necesita el servidor</translation>
    </message>
</context>
<context>
    <name>stockline::sync::Client</name>
    <message>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>closed, code %1</source>
        <translation>cerrada, código %1</translation>
    </message>
    <message>
        <source>This terminal has no terminal id or token: a manager must enrol it first.</source>
        <translation>Este terminal no tiene ID ni token: un encargado debe darlo de alta primero.</translation>
    </message>
    <message>
        <source>The server does not accept this terminal (unknown terminal or wrong token). A manager must enrol it again.</source>
        <translation>El servidor no acepta este terminal (terminal desconocido o token erróneo). Un encargado debe darlo de alta de nuevo.</translation>
    </message>
    <message>
        <source>This terminal was revoked on the server. A manager must enrol it again.</source>
        <translation>Este terminal se revocó en el servidor. Un encargado debe darlo de alta de nuevo.</translation>
    </message>
    <message>
        <source>The server speaks another protocol version: update this terminal or the server.</source>
        <translation>El servidor usa otra versión del protocolo: actualice este terminal o el servidor.</translation>
    </message>
    <message>
        <source>Not connected to the sync server (%1); trying again in %2 s.</source>
        <translation>Sin conexión con el servidor de sincronización (%1); se reintenta en %2 s.</translation>
    </message>
    <message>
        <source>The sync server stopped answering; connecting again.</source>
        <translation>El servidor de sincronización dejó de responder; conectando de nuevo.</translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation>No se puede leer la bandeja de salida: %1</translation>
    </message>
    <message>
        <source>Cannot continue this terminal&apos;s numbering after the server&apos;s: %1</source>
        <translation>No se puede continuar la numeración de este terminal tras la del servidor: %1</translation>
    </message>
    <message>
        <source>not enough stock: %1 available</source>
        <translation>no hay stock suficiente: %1 disponibles</translation>
    </message>
    <message>
        <source>%1: %2 available</source>
        <translation>%1: %2 disponibles</translation>
    </message>
    <message>
        <source>not enough stock</source>
        <translation>no hay stock suficiente</translation>
    </message>
    <message>
        <source>not enough stock (%1)</source>
        <translation>no hay stock suficiente (%1)</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 left</source>
        <translation>línea %1 (%2): quedan %3</translation>
    </message>
    <message>
        <source>more than was left to refund (%1)</source>
        <translation>más de lo que quedaba por devolver (%1)</translation>
    </message>
    <message>
        <source>the stock changed since it was counted (now %1 on hand)</source>
        <translation>el stock cambió desde que se contó (ahora hay %1)</translation>
    </message>
    <message>
        <source>the stock changed since it was counted</source>
        <translation>el stock cambió desde que se contó</translation>
    </message>
    <message>
        <source>this terminal&apos;s role may not do this</source>
        <translation>el rol de este terminal no permite hacer esto</translation>
    </message>
    <message>
        <source>the server does not know this product</source>
        <translation>el servidor no conoce este producto</translation>
    </message>
    <message>
        <source>the server does not know this location</source>
        <translation>el servidor no conoce esta ubicación</translation>
    </message>
    <message>
        <source>line %1: %2 beyond what was left, %3 paid back beyond it</source>
        <translation>línea %1: %2 más de lo que quedaba, %3 devueltos de más</translation>
    </message>
    <message>
        <source>an offline refund went beyond what was left to refund (%1)</source>
        <translation>una devolución sin conexión superó lo que quedaba por devolver (%1)</translation>
    </message>
    <message>
        <source>The server has no record of mutations it confirmed to this terminal (it answered up to seq %1 and is now at %2): was it restored from an older backup? Nothing more is sent until a person has checked; if it was, close the till and run `stockline --resend-after-restore`.</source>
        <translation>El servidor no tiene constancia de cambios que confirmó a este terminal (respondió hasta el n.º %1 y ahora está en %2): ¿se restauró desde una copia de seguridad antigua? No se envía nada más hasta que alguien lo revise; si fue así, cierre la caja y ejecute `stockline --resend-after-restore`.</translation>
    </message>
    <message>
        <source>Cannot reopen the outbox: %1</source>
        <translation>No se puede reabrir la bandeja de salida: %1</translation>
    </message>
    <message>
        <source>Could not record the server&apos;s answers on this terminal: %1. They are asked for again.</source>
        <translation>No se pudieron guardar las respuestas del servidor en este terminal: %1. Se vuelven a pedir.</translation>
    </message>
    <message>
        <source>The server refused this terminal&apos;s hello: %1. Check the terminal id and token it was enrolled with.</source>
        <translation>El servidor rechazó el saludo de este terminal: %1. Compruebe el ID de terminal y el token con que se dio de alta.</translation>
    </message>
    <message>
        <source>The server refused a message from this terminal: %1 (%2)</source>
        <translation>El servidor rechazó un mensaje de este terminal: %1 (%2)</translation>
    </message>
    <message>
        <source>Could not update the stock levels on this terminal: %1</source>
        <translation>No se pudo actualizar el stock en este terminal: %1</translation>
    </message>
    <message>
        <source>Could not update the catalog on this terminal: %1</source>
        <translation>No se pudo actualizar el catálogo en este terminal: %1</translation>
    </message>
    <message>
        <source>Could not store the staff list on this terminal: %1</source>
        <translation>No se pudo guardar la lista de personal en este terminal: %1</translation>
    </message>
    <message>
        <source>Could not store the expected deliveries on this terminal: %1</source>
        <translation>No se pudieron guardar las entregas previstas en este terminal: %1</translation>
    </message>
    <message>
        <source>Cannot read the replica&apos;s cursors: %1</source>
        <translation>No se pueden leer los cursores de la réplica: %1</translation>
    </message>
</context>
<context>
    <name>stockline::sync::Pairing</name>
    <message>
        <source>The server did not accept this code: it is wrong, used already or expired. Ask a manager for a new one.</source>
        <translation>El servidor no aceptó este código: es erróneo, ya se usó o ha caducado. Pida uno nuevo a un encargado.</translation>
    </message>
    <message>
        <source>The server is busy; enter the code again in a moment.</source>
        <translation>El servidor está ocupado; vuelva a introducir el código en un momento.</translation>
    </message>
    <message>
        <source>The server refused to pair: %1</source>
        <translation>El servidor rechazó el emparejamiento: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time; check the server address and try again.</source>
        <translation>El servidor no respondió a tiempo; compruebe la dirección del servidor e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>A pairing code is %1 digits, such as 1234-5678.</source>
        <translation>Un código de emparejamiento tiene %1 dígitos, como 1234-5678.</translation>
    </message>
    <message>
        <source>The server answered something this terminal does not understand: %1</source>
        <translation>El servidor respondió algo que este terminal no entiende: %1</translation>
    </message>
    <message>
        <source>Paired as %1, but the configuration could not be saved (%2): ask for a new code once that is fixed.</source>
        <translation>Emparejado como %1, pero no se pudo guardar la configuración (%2): pida un código nuevo cuando esté resuelto.</translation>
    </message>
    <message>
        <source>Could not pair with the server at %1 (%2).</source>
        <translation>No se pudo emparejar con el servidor en %1 (%2).</translation>
    </message>
    <message>
        <source>closed, code %1</source>
        <translation>cerrada, código %1</translation>
    </message>
</context>
<context>
    <name>stockline::sync::WebSocketTransport</name>
    <message>
        <source>the server&apos;s certificate is not trusted (%1): pin its fingerprint when enrolling this terminal, or give the server a certificate from a trusted authority</source>
        <translation>el certificado del servidor no es de confianza (%1): fije su huella al dar de alta este terminal o dé al servidor un certificado de una autoridad de confianza</translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be checked against the pinned fingerprint (%1)</source>
        <translation>no se puede comprobar el certificado del servidor con la huella fijada (%1)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate (SHA-256 %1) is not the pinned one (SHA-256 %2): refusing to connect. If the server&apos;s certificate was replaced, enrol this terminal again with the new fingerprint; if not, someone may be posing as the server</source>
        <translation>el certificado del servidor (SHA-256 %1) no es el fijado (SHA-256 %2): no se conecta. Si se sustituyó el certificado del servidor, dé de alta de nuevo este terminal con la huella nueva; si no, puede que alguien se haga pasar por el servidor</translation>
    </message>
</context>
</TS>
