<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Freigabe durch die Filialleitung</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>PIN der Filialleitung</translation>
    </message>
    <message>
        <source>Manager&apos;s name (only when asked)</source>
        <translation>Name der Filialleitung (nur wenn gefragt)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Sortiment</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Kassen</translation>
    </message>
    <message>
        <source>%1 · Ctrl+%2</source>
        <translation>%1 · Strg+%2</translation>
    </message>
    <message>
        <source>Manager: %1</source>
        <translation>Filialleitung: %1</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Frage den Server…</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>Das Backoffice braucht den Server</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>Einkauf</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <source>stock not known</source>
        <translation>Bestand unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%n available here</source>
        <translation>
            <numerusform>%n hier verfügbar</numerusform>
            <numerusform>%n hier verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>tax %1: %2</source>
        <translation>Steuer %1: %2</translation>
    </message>
</context>
<context>
    <name>CashReport</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Z REPORT</source>
        <translation>Z-BERICHT</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>X-BERICHT</translation>
    </message>
    <message>
        <source>Cash session %1, closed</source>
        <translation>Kassenschicht %1, abgeschlossen</translation>
    </message>
    <message>
        <source>Cash session %1, still open</source>
        <translation>Kassenschicht %1, noch offen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>  by</source>
        <translation>  von</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>Verkäufe (%1)</translation>
    </message>
    <message>
        <source>  net</source>
        <translation>  netto</translation>
    </message>
    <message>
        <source>  tax</source>
        <translation>  Steuer</translation>
    </message>
    <message>
        <source>Refunds (%1)</source>
        <translation>Erstattungen (%1)</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>Nettoumsatz</translation>
    </message>
    <message>
        <source>Net tax</source>
        <translation>Steuer netto</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>  taken</source>
        <translation>  eingenommen</translation>
    </message>
    <message>
        <source>  paid back</source>
        <translation>  zurückgezahlt</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Anfangsbestand Wechselgeld</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Bar eingenommen</translation>
    </message>
    <message>
        <source>Cash paid back</source>
        <translation>Bar ausgezahlt</translation>
    </message>
    <message>
        <source>Paid in: </source>
        <translation>Einzahlung: </translation>
    </message>
    <message>
        <source>Paid out: </source>
        <translation>Auszahlung: </translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Soll in der Kassenlade</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Counted in drawer</source>
        <translation>Gezählt in der Kassenlade</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>  tax %1 % on %2</source>
        <translation>  Steuer %1 % auf %2</translation>
    </message>
</context>
<context>
    <name>CashScreen</name>
    <message>
        <source>Open the drawer</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <source>The float: the cash in the drawer to give change with, such as 150.00</source>
        <translation>Das Wechselgeld: Bargeld in der Kassenlade zum Herausgeben, etwa 150.00</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>Münze</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Schein</translation>
    </message>
    <message>
        <source>Drawer open</source>
        <translation>Kasse offen</translation>
    </message>
    <message>
        <source>Drawer closed</source>
        <translation>Kasse geschlossen</translation>
    </message>
    <message>
        <source>Opened by %1 at %2</source>
        <translation>Geöffnet von %1 um %2</translation>
    </message>
    <message>
        <source>Open it with a float to take payments and pay refunds.</source>
        <translation>Mit Wechselgeld öffnen, um Zahlungen anzunehmen und Erstattungen auszuzahlen.</translation>
    </message>
    <message>
        <source>Float %1</source>
        <translation>Wechselgeld %1</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>Einzahlung</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <source>Reprint report</source>
        <translation>Bericht erneut drucken</translation>
    </message>
    <message>
        <source>Count and close</source>
        <translation>Zählen und abschließen</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Noch kein Bericht</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Erwartet %1</translation>
    </message>
    <message>
        <source>Counted %1</source>
        <translation>Gezählt %1</translation>
    </message>
    <message>
        <source>An X report shows the session so far; closing the drawer gives the Z report.</source>
        <translation>Ein X-Bericht zeigt die Schicht bis jetzt; der Kassenabschluss ergibt den Z-Bericht.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Store&apos;s day</source>
        <translation>Tag des Geschäfts</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>The store&apos;s day %1</source>
        <translation>Tag des Geschäfts %1</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Frage den Server…</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Nach Kasse</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>By tax rate</source>
        <translation>Nach Steuersatz</translation>
    </message>
    <message>
        <source>Back to the drawer</source>
        <translation>Zurück zur Kassenlade</translation>
    </message>
    <message>
        <source>Count the drawer</source>
        <translation>Kassenlade zählen</translation>
    </message>
    <message>
        <source>Type how many of each note and coin, Enter for the next. What the drawer should hold is on the Z report.</source>
        <translation>Geben Sie die Anzahl je Schein und Münze ein, Eingabe für die nächste. Der Sollbestand steht im Z-Bericht.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close drawer, Z report</source>
        <translation>Kasse abschließen, Z-Bericht</translation>
    </message>
    <message>
        <source>Cash put into the drawer, such as a float top-up</source>
        <translation>Bargeld in die Kassenlade, etwa zum Auffüllen des Wechselgelds</translation>
    </message>
    <message>
        <source>Cash taken out, such as a supplier paid or a drop to the safe</source>
        <translation>Bargeld aus der Kassenlade, etwa für einen Lieferanten oder in den Tresor</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Grund (Pflicht)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>CashSession</name>
    <message>
        <source>the drawer is closed: open a cash session with a float first</source>
        <translation>die Kasse ist geschlossen: öffnen Sie zuerst eine Kassenschicht mit Wechselgeld</translation>
    </message>
    <message>
        <source>must name who does it, in at most %1 characters</source>
        <translation>muss nennen, wer es tut, in höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>must be zero or more</source>
        <translation>muss null oder mehr sein</translation>
    </message>
    <message>
        <source>session %1, opened by %2, is still open: close it with a Z report first</source>
        <translation>Kassenschicht %1, geöffnet von %2, ist noch offen: schließen Sie sie zuerst mit einem Z-Bericht ab</translation>
    </message>
    <message>
        <source>must be more than zero</source>
        <translation>muss größer als null sein</translation>
    </message>
    <message>
        <source>say why, in at most %1 characters</source>
        <translation>nennen Sie den Grund, in höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>%1 is more than the %2 the drawer should hold</source>
        <translation>%1 ist mehr als die %2, die in der Kassenlade sein sollten</translation>
    </message>
    <message>
        <source>%1 is not a denomination of this drawer</source>
        <translation>%1 ist kein Schein und keine Münze dieser Kassenlade</translation>
    </message>
    <message>
        <source>%1 is counted twice</source>
        <translation>%1 ist doppelt gezählt</translation>
    </message>
    <message>
        <source>%1 is not a count from 0 to %2</source>
        <translation>%1 ist keine Anzahl von 0 bis %2</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>SKU, name or barcode — Enter searches, ↓ the list</source>
        <translation>Artikelnummer, Name oder Barcode — Eingabe sucht, ↓ zur Liste</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Andere Version übernehmen</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>counted</source>
        <translation>gezählt</translation>
    </message>
    <message>
        <source>sent, waiting for the server</source>
        <translation>gesendet, warte auf den Server</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>gebucht</translation>
    </message>
    <message>
        <source>Count at</source>
        <translation>Zählen in</translation>
    </message>
    <message>
        <source>SKUs starting with</source>
        <translation>Artikelnummern beginnend mit</translation>
    </message>
    <message>
        <source>DAI-</source>
        <translation>DAI-</translation>
    </message>
    <message>
        <source>system %1</source>
        <translation>System %1</translation>
    </message>
    <message>
        <source>Type the start of the shelf&apos;s SKUs and press Enter.</source>
        <translation>Anfang der Artikelnummern des Regals eingeben und Eingabe drücken.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Send counts</source>
        <translation>Zählungen senden</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Ihr Rückgeld</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Total paid %1</source>
        <translation>Insgesamt bezahlt %1</translation>
    </message>
</context>
<context>
    <name>DeliveriesScreen</name>
    <message>
        <source>Expected deliveries</source>
        <translation>Erwartete Lieferungen</translation>
    </message>
    <message>
        <source>No expected deliveries are open. Receive without a delivery with F6.</source>
        <translation>Keine erwarteten Lieferungen offen. Mit F6 ohne Lieferung einbuchen.</translation>
    </message>
    <message>
        <source>Without a delivery, into</source>
        <translation>Ohne Lieferung, nach</translation>
    </message>
    <message>
        <source>Receive without a delivery</source>
        <translation>Ohne Lieferung einbuchen</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Einbuchen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>DeliveryRow</name>
    <message>
        <source>Complete · %1 of %2 received</source>
        <translation>Vollständig · %1 von %2 erhalten</translation>
    </message>
    <message>
        <source>Done · %1 of %2 received, %3 refused</source>
        <translation>Erledigt · %1 von %2 erhalten, %3 abgelehnt</translation>
    </message>
    <message>
        <source>%1 of %2 received</source>
        <translation>%1 von %2 erhalten</translation>
    </message>
    <message>
        <source>, %1 refused</source>
        <translation>, %1 abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DockMain</name>
    <message>
        <source>Deliveries</source>
        <translation>Lieferungen</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Einbuchen</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Inventurzählung</translation>
    </message>
    <message>
        <source>Transfer / adjust</source>
        <translation>Umbuchen / korrigieren</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Fehlbestände</translation>
    </message>
    <message>
        <source>Stockline receiving — %1</source>
        <translation>Stockline Warenannahme — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Receipts, counts and moves are kept on this dock until a server is set up.</source>
        <translation>Wareneingänge, Zählungen und Umbuchungen bleiben an dieser Rampe gespeichert, bis ein Server eingerichtet ist.</translation>
    </message>
    <message>
        <source>Every receipt, count and move goes to the server as it is booked.</source>
        <translation>Jeder Wareneingang, jede Zählung und Umbuchung geht beim Buchen an den Server.</translation>
    </message>
    <message>
        <source>Connecting to the server… Keep receiving: everything is kept and sent later.</source>
        <translation>Verbinde mit dem Server… Einfach weiter einbuchen: alles wird gespeichert und später gesendet.</translation>
    </message>
    <message>
        <source>Receipts, counts and moves are kept on this dock and sent when the server is back.</source>
        <translation>Wareneingänge, Zählungen und Umbuchungen bleiben an dieser Rampe gespeichert und werden gesendet, sobald der Server wieder da ist.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Ctrl+</source>
        <translation>Strg+</translation>
    </message>
</context>
<context>
    <name>ElevatePanel</name>
    <message>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
    <message>
        <source>A manager signs in with their name and PIN. The server checks them.</source>
        <translation>Die Filialleitung meldet sich mit Name und PIN an. Der Server prüft beides.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Name der Filialleitung</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
</context>
<context>
    <name>EnrolWindow</name>
    <message>
        <source>Stockline — set up this terminal</source>
        <translation>Stockline — diese Kasse einrichten</translation>
    </message>
    <message>
        <source>Change this terminal&apos;s setup</source>
        <translation>Einrichtung dieser Kasse ändern</translation>
    </message>
    <message>
        <source>Set up this terminal</source>
        <translation>Diese Kasse einrichten</translation>
    </message>
    <message>
        <source>On the server, the store&apos;s IT enrols this terminal with “stockline-server terminal add ID --role pos --pairing” and reads you the code it prints.</source>
        <translation>Auf dem Server meldet die IT des Geschäfts diese Kasse mit „stockline-server terminal add ID --role pos --pairing“ an und liest Ihnen den ausgegebenen Code vor.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>ws://10.0.0.5:8765/ or wss://stock.example:8765/</source>
        <translation>ws://10.0.0.5:8765/ oder wss://stock.example:8765/</translation>
    </message>
    <message>
        <source>Server certificate fingerprint (wss:// with the server&apos;s own certificate)</source>
        <translation>Fingerabdruck des Serverzertifikats (wss:// mit eigenem Zertifikat des Servers)</translation>
    </message>
    <message>
        <source>SHA-256 as “stockline-server tls fingerprint” prints it; empty: a trusted authority&apos;s certificate</source>
        <translation>SHA-256, wie „stockline-server tls fingerprint“ ihn ausgibt; leer: Zertifikat einer vertrauenswürdigen Stelle</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Verkaufskasse</translation>
    </message>
    <message>
        <source>Receiving dock</source>
        <translation>Warenannahme</translation>
    </message>
    <message>
        <source>Location this terminal sells or receives at</source>
        <translation>Standort, an dem diese Kasse verkauft oder Ware annimmt</translation>
    </message>
    <message>
        <source>such as store-1</source>
        <translation>etwa store-1</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Terminal ID and token</source>
        <translation>Kassen-ID und Token</translation>
    </message>
    <message>
        <source>Pairing code, such as 1234-5678</source>
        <translation>Kopplungscode, etwa 1234-5678</translation>
    </message>
    <message>
        <source>Terminal ID, such as POS-02</source>
        <translation>Kassen-ID, etwa POS-02</translation>
    </message>
    <message>
        <source>Token from “stockline-server terminal add”</source>
        <translation>Token aus „stockline-server terminal add“</translation>
    </message>
    <message>
        <source>Pairing with the server…</source>
        <translation>Kopple mit dem Server…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Saved, readable by this account only, in %1</source>
        <translation>Gespeichert, nur für dieses Konto lesbar, in %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>ExceptionsScreen</name>
    <message>
        <source>Recount %1</source>
        <translation>%1 nachzählen</translation>
    </message>
    <message>
        <source>How many are on the shelf now? A whole number</source>
        <translation>Wie viele liegen jetzt im Regal? Eine ganze Zahl</translation>
    </message>
    <message>
        <source>Shortage exceptions</source>
        <translation>Fehlbestände</translation>
    </message>
    <message>
        <source>Only a manager terminal connected to the server resolves these.</source>
        <translation>Nur eine mit dem Server verbundene Leitungskasse kann diese klären.</translation>
    </message>
    <message>
        <source>%1 × %2 at %3</source>
        <translation>%1 × %2 in %3</translation>
    </message>
    <message>
        <source>Sale %1 on %2, %3 · #%4 · %5</source>
        <translation>Verkauf %1 am %2, %3 · #%4 · %5</translation>
    </message>
    <message>
        <source>resolving…</source>
        <translation>wird geklärt…</translation>
    </message>
    <message>
        <source>No open shortages</source>
        <translation>Keine offenen Fehlbestände</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Nachzählen</translation>
    </message>
    <message>
        <source>Accept the loss</source>
        <translation>Verlust hinnehmen</translation>
    </message>
</context>
<context>
    <name>LevelChart</name>
    <message>
        <source>No movements to chart</source>
        <translation>Keine Bewegungen für ein Diagramm</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Stockline POS — %1</source>
        <translation>Stockline Kasse — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation>Geparkte Verkäufe</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Fehlbestände</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
</context>
<context>
    <name>MovesScreen</name>
    <message>
        <source>Transfer between locations</source>
        <translation>Umbuchung zwischen Lagerorten</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Scan, or type a barcode or SKU</source>
        <translation>Scannen oder Barcode bzw. Artikelnummer eingeben</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Umbuchen</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>Bestand korrigieren</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Damage (units off)</source>
        <translation>Beschädigt (Stück ausbuchen)</translation>
    </message>
    <message>
        <source>Shrinkage (units off)</source>
        <translation>Schwund (Stück ausbuchen)</translation>
    </message>
    <message>
        <source>Found (units on)</source>
        <translation>Gefunden (Stück einbuchen)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Korrigieren</translation>
    </message>
</context>
<context>
    <name>ParkedSales</name>
    <message>
        <source>there is nothing to park</source>
        <translation>es gibt nichts zu parken</translation>
    </message>
    <message>
        <source>parked sale %1 is no longer there</source>
        <translation>der geparkte Verkauf %1 ist nicht mehr da</translation>
    </message>
</context>
<context>
    <name>ParkedScreen</name>
    <message>
        <source>Parked sales</source>
        <translation>Geparkte Verkäufe</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>No parked sales</source>
        <translation>Keine geparkten Verkäufe</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>PayPanel</name>
    <message>
        <source>Card payment of %1</source>
        <translation>Kartenzahlung über %1</translation>
    </message>
    <message>
        <source>The reference on the card terminal&apos;s slip</source>
        <translation>Die Belegnummer auf dem Beleg des Kartenterminals</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Zu zahlen</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Bezahlt %1</translation>
    </message>
    <message>
        <source>Cash received — Enter with nothing typed takes it exact</source>
        <translation>Bar erhalten — Eingabe ohne Betrag nimmt es passend</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation>Passend %1</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Zurück zum Verkauf</translation>
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
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>PricesPage</name>
    <message>
        <source>No product %1 in the list: searched for it, try again</source>
        <translation>Kein Artikel %1 in der Liste: wurde gesucht, bitte erneut versuchen</translation>
    </message>
    <message>
        <source>One product</source>
        <translation>Ein Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Neuer Preis</translation>
    </message>
    <message>
        <source>From (empty: now; 2026-12-24 06:00)</source>
        <translation>Ab (leer: sofort; 2026-12-24 06:00)</translation>
    </message>
    <message>
        <source>Change price</source>
        <translation>Preis ändern</translation>
    </message>
    <message>
        <source>Many products by a percentage</source>
        <translation>Viele Artikel um einen Prozentsatz</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Department or supplier</source>
        <translation>Warengruppe oder Lieferant</translation>
    </message>
    <message>
        <source>Percent (5, -2.5)</source>
        <translation>Prozent (5, -2.5)</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>Ohne Rundung</translation>
    </message>
    <message>
        <source>End in 0 or 5</source>
        <translation>Endziffer 0 oder 5</translation>
    </message>
    <message>
        <source>End in 9</source>
        <translation>Endziffer 9</translation>
    </message>
    <message>
        <source>From (empty: now)</source>
        <translation>Ab (leer: sofort)</translation>
    </message>
    <message>
        <source>Change all</source>
        <translation>Alle ändern</translation>
    </message>
    <message>
        <source>Scheduled changes (Delete cancels)</source>
        <translation>Geplante Änderungen (Entf storniert)</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>New product</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Barcodes</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>Steuersatz %</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Meldebestand</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>Active (untick to retire)</source>
        <translation>Aktiv (zum Auslisten abwählen)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PurchasingPage</name>
    <message>
        <source>Suppliers</source>
        <translation>Lieferanten</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Nachbestellen</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>%1 · F%2</source>
        <translation>%1 · F%2</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Deren übernehmen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>Neuer Lieferant</translation>
    </message>
    <message>
        <source>Supplier id (empty: all)</source>
        <translation>Lieferant (leer: alle)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lagerort</translation>
    </message>
    <message>
        <source>Sales of the last</source>
        <translation>Verkäufe der letzten</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>Zu bestellen</translation>
    </message>
    <message>
        <source>at</source>
        <translation>zu</translation>
    </message>
    <message>
        <source>Expected (empty: not agreed; 2026-12-24 08:00)</source>
        <translation>Erwartet (leer: nicht vereinbart; 2026-12-24 08:00)</translation>
    </message>
    <message>
        <source>Change line</source>
        <translation>Zeile ändern</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Bestellen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>Teilweise erhalten</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Save in %1</source>
        <translation>Speichern in %1</translation>
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
        <translation>Bestellung schließen</translation>
    </message>
    <message>
        <source>Press F4 again to close %1: the docks will no longer expect it</source>
        <translation>F4 erneut drücken, um %1 zu schließen: die Warenannahme erwartet sie dann nicht mehr</translation>
    </message>
    <message>
        <source>Lines of %1</source>
        <translation>Zeilen von %1</translation>
    </message>
    <message>
        <source>days (7–365), to last</source>
        <translation>Tage (7–365), reichen für</translation>
    </message>
    <message>
        <source>days once it arrived (0–365)</source>
        <translation>Tage nach Eingang (0–365)</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Neuere</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
</context>
<context>
    <name>QNativeSocketEngine</name>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung verweigert</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Refund %1</source>
        <translation>Erstattung %1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
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
        <translation>%1 zu viel — die Filialleitung gibt frei</translation>
    </message>
    <message>
        <source>%1 over, within tolerance</source>
        <translation>%1 zu viel, innerhalb der Toleranz</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>%1 zu wenig</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>wie erwartet</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>Choose a delivery (F1), or receive without one</source>
        <translation>Lieferung wählen (F1) oder ohne Lieferung einbuchen</translation>
    </message>
    <message>
        <source>Receiving without a delivery into %1</source>
        <translation>Einbuchen ohne Lieferung nach %1</translation>
    </message>
    <message>
        <source>Delivery %1 · %2 · into %3</source>
        <translation>Lieferung %1 · %2 · nach %3</translation>
    </message>
    <message>
        <source>Scan each item, or type a barcode or SKU — 12* for twelve</source>
        <translation>Jeden Artikel scannen oder Barcode bzw. Artikelnummer eingeben — 12* für zwölf</translation>
    </message>
    <message>
        <source>Quantity received now</source>
        <translation>Jetzt erhaltene Menge</translation>
    </message>
    <message>
        <source>Units accepted on this line.</source>
        <translation>Angenommene Stück dieser Zeile.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Damaged or wrong units: recorded on the delivery, not stocked.</source>
        <translation>Beschädigte oder falsche Stücke: auf der Lieferung vermerkt, nicht eingelagert.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Sent with the receipt.</source>
        <translation>Mit dem Wareneingang gesendet.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Over the %1 % tolerance: a manager approves</source>
        <translation>Über der Toleranz von %1 %: die Filialleitung gibt frei</translation>
    </message>
    <message>
        <source>Tolerance %1 %</source>
        <translation>Toleranz %1 %</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>From (2026-12-01)</source>
        <translation>Von (2026-12-01)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Save as (path without .csv or .pdf)</source>
        <translation>Speichern unter (Pfad ohne .csv oder .pdf)</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Als CSV speichern</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
</context>
<context>
    <name>ReturnJournal</name>
    <message>
        <source>choose what is returned</source>
        <translation>wählen Sie, was zurückgegeben wird</translation>
    </message>
    <message>
        <source>sale %1 has no line %2</source>
        <translation>Verkauf %1 hat keine Zeile %2</translation>
    </message>
    <message>
        <source>line %1 is named twice</source>
        <translation>Zeile %1 ist doppelt angegeben</translation>
    </message>
    <message>
        <source>%1 of %2: %3 sold, %4 returned before</source>
        <translation>%1 von %2: %3 verkauft, %4 schon zurückgegeben</translation>
    </message>
    <message>
        <source>no sale %1 on this terminal</source>
        <translation>kein Verkauf %1 an dieser Kasse</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <source>Scan the receipt&apos;s barcode or type its number</source>
        <translation>Barcode des Bons scannen oder seine Nummer eingeben</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Sale %1 · %2 · %3</source>
        <translation>Verkauf %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Asking the server for this receipt…</source>
        <translation>Frage den Server nach diesem Bon…</translation>
    </message>
    <message>
        <source>Receipts of this till, or of any till while the server can be reached.</source>
        <translation>Bons dieser Kasse, oder jeder Kasse, solange der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>sold %1 at %2 · returned before %3</source>
        <translation>verkauft %1 zu %2 · schon zurück %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Scan a receipt to start a return</source>
        <translation>Bon scannen, um eine Rückgabe zu beginnen</translation>
    </message>
    <message>
        <source>Choose line</source>
        <translation>Zeile wählen</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Erstattung %1</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Refund in cash</source>
        <translation>Bar erstatten</translation>
    </message>
    <message>
        <source>Refund to original tender</source>
        <translation>Auf ursprüngliche Zahlungsart erstatten</translation>
    </message>
</context>
<context>
    <name>SaleJournal</name>
    <message>
        <source>&apos;%1&apos; is not in the catalog</source>
        <translation>„%1“ ist nicht im Sortiment</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan, or type a barcode, SKU or name — 3* for three</source>
        <translation>Scannen oder Barcode, Artikelnummer oder Namen eingeben — 3* für drei</translation>
    </message>
</context>
<context>
    <name>SellScreen</name>
    <message>
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <source>A whole number</source>
        <translation>Eine ganze Zahl</translation>
    </message>
    <message>
        <source>Discount on %1</source>
        <translation>Rabatt auf %1</translation>
    </message>
    <message>
        <source>An amount such as 1.50, or a percentage such as 10%</source>
        <translation>Ein Betrag wie 1.50 oder ein Prozentsatz wie 10%</translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation>Rabatt auf den ganzen Verkauf</translation>
    </message>
    <message>
        <source>An amount such as 5.00, or a percentage such as 10%</source>
        <translation>Ein Betrag wie 5.00 oder ein Prozentsatz wie 10%</translation>
    </message>
    <message>
        <source>Price of %1</source>
        <translation>Preis von %1</translation>
    </message>
    <message>
        <source>The unit price to charge, such as 3.99: a manager approves it</source>
        <translation>Der zu berechnende Stückpreis, etwa 3.99: die Filialleitung gibt ihn frei</translation>
    </message>
    <message>
        <source>Park this sale</source>
        <translation>Diesen Verkauf parken</translation>
    </message>
    <message>
        <source>A name to find it by (optional)</source>
        <translation>Ein Name zum Wiederfinden (optional)</translation>
    </message>
    <message>
        <source>× %1</source>
        <translation>× %1</translation>
    </message>
    <message>
        <source>Next customer — scan the first item</source>
        <translation>Nächster Kunde — ersten Artikel scannen</translation>
    </message>
    <message>
        <source>Scan the first item</source>
        <translation>Ersten Artikel scannen</translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation>
            <numerusform>%n hier</numerusform>
            <numerusform>%n hier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale discount %1</source>
        <translation>Bonrabatt %1</translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation>Zwischensumme %1</translation>
    </message>
    <message>
        <source>Tax %1</source>
        <translation>Steuer %1</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>Erstattet %1</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Receipt %1 · total %2</source>
        <translation>Bon %1 · Summe %2</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Zeilenrabatt</translation>
    </message>
    <message>
        <source>Sale discount</source>
        <translation>Bonrabatt</translation>
    </message>
    <message>
        <source>Void line</source>
        <translation>Zeilenstorno</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Verkauf parken</translation>
    </message>
    <message>
        <source>Parked (%1)</source>
        <translation>Geparkt (%1)</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgaben</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Price override</source>
        <translation>Preis ändern</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>Bon abbrechen</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Strg+D</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Bezahlen %1</translation>
    </message>
    <message>
        <source>Cancel this sale?</source>
        <translation>Diesen Verkauf abbrechen?</translation>
    </message>
    <message>
        <source>Type YES and press Enter: every line is removed.</source>
        <translation>JA eingeben und Eingabe drücken: alle Zeilen werden entfernt.</translation>
    </message>
    <message>
        <source>YES</source>
        <translation>JA</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Strg+P</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Choose your name, type your PIN and press Enter.</source>
        <translation>Namen wählen, PIN eingeben und Eingabe drücken.</translation>
    </message>
    <message>
        <source>No one can sign in at this till yet. The store&apos;s IT adds staff on the server with “stockline-server staff add --db DB NAME --role cashier|manager” (the PIN is read from stdin); the list arrives here as soon as the till is connected.</source>
        <translation>An dieser Kasse kann sich noch niemand anmelden. Die IT des Geschäfts legt das Personal auf dem Server an mit „stockline-server staff add --db DB NAME --role cashier|manager“ (die PIN wird von stdin gelesen); die Liste kommt hier an, sobald die Kasse verbunden ist.</translation>
    </message>
    <message>
        <source>%1 (manager)</source>
        <translation>%1 (Filialleitung)</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Choose your name first</source>
        <translation>Zuerst den eigenen Namen wählen</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassenkraft</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Filialleitung</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 bis 12 Ziffern</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Last receipt %1</source>
        <translation>Letzter Bon %1</translation>
    </message>
    <message>
        <source>Terminal %1 · %2</source>
        <translation>Kasse %1 · %2</translation>
    </message>
    <message>
        <source>%1 · manager</source>
        <translation>%1 · Filialleitung</translation>
    </message>
    <message>
        <source>Terminal setup</source>
        <translation>Kasseneinrichtung</translation>
    </message>
    <message>
        <source>Sign out (Ctrl+L)</source>
        <translation>Abmelden (Strg+L)</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Search by SKU or name</source>
        <translation>Nach Artikelnummer oder Name suchen</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>suche…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lagerort</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>%1 low</source>
        <translation>%1 knapp</translation>
    </message>
    <message>
        <source>Nothing matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>History of %1 %2</source>
        <translation>Verlauf von %1 %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>History: pick a product and press Enter</source>
        <translation>Verlauf: Artikel wählen und Eingabe drücken</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Frage den Server…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>Every location</source>
        <translation>Alle Lagerorte</translation>
    </message>
    <message>
        <source>Low stock only</source>
        <translation>Nur knapper Bestand</translation>
    </message>
    <message>
        <source>All stock</source>
        <translation>Gesamter Bestand</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>SupplierEditor</name>
    <message>
        <source>New supplier</source>
        <translation>Neuer Lieferant</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>E-mail or phone for orders</source>
        <translation>E-Mail oder Telefon für Bestellungen</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>Lieferzeit (Tage)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Active (untick to retire)</source>
        <translation>Aktiv (abwählen, um auszumustern)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Sales are kept on this till and marked offline.</source>
        <translation>Verkäufe bleiben an dieser Kasse gespeichert und sind als offline markiert.</translation>
    </message>
    <message>
        <source>Stock is held for each line as it is scanned.</source>
        <translation>Bestand wird für jede Zeile beim Scannen reserviert.</translation>
    </message>
    <message>
        <source>Connecting to the server… Keep selling: sales are kept and sent later.</source>
        <translation>Verbinde mit dem Server… Einfach weiter verkaufen: Verkäufe werden gespeichert und später gesendet.</translation>
    </message>
    <message>
        <source>Sales are kept on this till and sent when it is back.</source>
        <translation>Verkäufe bleiben an dieser Kasse gespeichert und werden gesendet, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Sync problems (%1) · F11</source>
        <translation>Sync-Probleme (%1) · F11</translation>
    </message>
    <message>
        <source>Sync problems · F11</source>
        <translation>Sync-Probleme · F11</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync problems</source>
        <translation>Sync-Probleme</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Fehlbestand</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <source>Nothing to act on.</source>
        <translation>Nichts zu tun.</translation>
    </message>
    <message>
        <source>Clear refusals</source>
        <translation>Ablehnungen leeren</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
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
        <translation>Erneut F4 drücken, um %1 zu sperren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>New terminal, such as POS-07</source>
        <translation>Neue Kasse, etwa POS-07</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>stockline</name>
    <message>
        <source>&apos;%1&apos; is not a quantity from %2 to %3.</source>
        <translation>„%1“ ist keine Menge von %2 bis %3.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity (a whole number from %2).</source>
        <translation>„%1“ ist keine Menge (eine ganze Zahl ab %2).</translation>
    </message>
    <message>
        <source>%1 is taken in %2: type the quantity first, like 1.250*%3</source>
        <translation>%1 wird in %2 gebucht: zuerst die Menge eingeben, etwa 1.250*%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an amount like 4.99</source>
        <translation>„%1“ ist kein Betrag wie 4.99</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a percentage from 0 to 100</source>
        <translation>„%1“ ist kein Prozentsatz von 0 bis 100</translation>
    </message>
</context>
<context>
    <name>stockline::print</name>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Erstattung %1</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>ERSTATTUNG</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>for sale %1</source>
        <translation>zu Verkauf %1</translation>
    </message>
    <message>
        <source>%1  terminal %2</source>
        <translation>%1  Kasse %2</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Es bediente Sie %1</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>SUMME</translation>
    </message>
    <message>
        <source>Offline sale: stock not yet confirmed</source>
        <translation>Offline-Verkauf: Bestand unbestätigt</translation>
    </message>
    <message>
        <source>Keep this receipt for returns. Thank you!</source>
        <translation>Bon für Umtausch aufbewahren. Vielen Dank!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Bargeldrundung</translation>
    </message>
    <message>
        <source>VAT %1% on %2</source>
        <translation>MwSt. %1% auf %2</translation>
    </message>
    <message>
        <source>Total without VAT</source>
        <translation>Summe ohne MwSt.</translation>
    </message>
</context>
<context>
    <name>stockline::print::PurchaseOrder</name>
    <message>
        <source>SKU</source>
        <translation>Artikelnr.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Stückkosten</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Purchase order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <source>Deliver to: %1</source>
        <translation>Lieferung an: %1</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Erwartet: %1</translation>
    </message>
    <message>
        <source>Placed: %1</source>
        <translation>Bestellt: %1</translation>
    </message>
</context>
<context>
    <name>stockline::print::Receipt</name>
    <message>
        <source>Receipt %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot finish %1</source>
        <translation>%1 kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>%1 was not written</source>
        <translation>%1 wurde nicht geschrieben</translation>
    </message>
</context>
<context>
    <name>stockline::print::ReceiptPrinter</name>
    <message>
        <source>No receipt printer is set up (--printer).</source>
        <translation>Kein Bondrucker eingerichtet (--printer).</translation>
    </message>
    <message>
        <source>The receipt printer %1 cannot be opened: %2</source>
        <translation>Der Bondrucker %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not take the receipt: %2</source>
        <translation>Der Bondrucker %1 hat den Bon nicht angenommen: %2</translation>
    </message>
    <message>
        <source>The receipt printer %1 did not print: %2</source>
        <translation>Der Bondrucker %1 hat nicht gedruckt: %2</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort rechtzeitig</translation>
    </message>
</context>
<context>
    <name>stockline::print::Report</name>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Approvals</name>
    <message>
        <source>Approved and done, but the approval could not be logged: %1</source>
        <translation>Freigegeben und erledigt, aber die Freigabe konnte nicht protokolliert werden: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::BackOfficeView</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>When: a local time like 2026-12-24 06:00, or empty for now</source>
        <translation>Zeitpunkt: Ortszeit wie 2026-12-24 06:00, oder leer für sofort</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>%1 costs %2 from %3</source>
        <translation>%1 kostet ab %3 %2</translation>
    </message>
    <message>
        <source>%1 costs %2 now</source>
        <translation>%1 kostet jetzt %2</translation>
    </message>
    <message>
        <source>Choose a department or a supplier, not both</source>
        <translation>Warengruppe oder Lieferant wählen, nicht beides</translation>
    </message>
    <message>
        <source>Percent: a number such as 5 or -2.5</source>
        <translation>Prozent: eine Zahl wie 5 oder -2.5</translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) will change</source>
        <translation>
            <numerusform>%n Preis wird geändert</numerusform>
            <numerusform>%n Preise werden geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) changed</source>
        <translation>
            <numerusform>%n Preis geändert</numerusform>
            <numerusform>%n Preise geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>The price change is cancelled</source>
        <translation>Die Preisänderung ist storniert</translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name</source>
        <translation>Geben Sie den Namen der Person an</translation>
    </message>
    <message>
        <source>PIN: 4 to 12 digits</source>
        <translation>PIN: 4 bis 12 Ziffern</translation>
    </message>
    <message>
        <source>%1 can sign in now</source>
        <translation>%1 kann sich jetzt anmelden</translation>
    </message>
    <message>
        <source>%1 has a new PIN</source>
        <translation>%1 hat eine neue PIN</translation>
    </message>
    <message>
        <source>%1 can no longer sign in</source>
        <translation>%1 kann sich nicht mehr anmelden</translation>
    </message>
    <message>
        <source>%1 is revoked: it can no longer connect</source>
        <translation>%1 ist gesperrt und kann sich nicht mehr verbinden</translation>
    </message>
    <message>
        <source>Give the new terminal&apos;s name, such as POS-07</source>
        <translation>Geben Sie den Namen der neuen Kasse an, etwa POS-07</translation>
    </message>
    <message>
        <source>Pair %1 with code %2 before %3</source>
        <translation>%1 bis %3 mit dem Code %2 koppeln</translation>
    </message>
    <message>
        <source>Dates: from and to like 2026-12-01, from not after to</source>
        <translation>Datum: Von und Bis wie 2026-12-01, Von nicht nach Bis</translation>
    </message>
    <message>
        <source>Sales by %1</source>
        <translation>Verkäufe nach %1</translation>
    </message>
    <message>
        <source>The server&apos;s report has no columns to show</source>
        <translation>Der Bericht des Servers hat keine Spalten zum Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>Meldebestand</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Neuer Preis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gemeldet</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Falsche PIN</translation>
    </message>
    <message>
        <source>Only an active manager can open the back office</source>
        <translation>Nur eine aktive Filialleitung kann das Backoffice öffnen</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait five minutes</source>
        <translation>Zu viele falsche PINs: fünf Minuten warten</translation>
    </message>
    <message>
        <source>A manager must sign in to the back office first</source>
        <translation>Zuerst muss sich die Filialleitung im Backoffice anmelden</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Type the manager&apos;s name and PIN</source>
        <translation>Name und PIN der Filialleitung eingeben</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>Das Backoffice braucht den Server</translation>
    </message>
    <message>
        <source>%1 signed in to the back office</source>
        <translation>%1 ist im Backoffice angemeldet</translation>
    </message>
    <message>
        <source>Give the product a SKU</source>
        <translation>Geben Sie dem Artikel eine Artikelnummer</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Einkaufspreis: %1</translation>
    </message>
    <message>
        <source>Tax rate: %1</source>
        <translation>Steuersatz: %1</translation>
    </message>
    <message>
        <source>Reorder point: a whole number of units, 0 or more</source>
        <translation>Meldebestand: eine ganze Stückzahl, 0 oder mehr</translation>
    </message>
    <message>
        <source>%1 saved (version %2)</source>
        <translation>%1 gespeichert (Version %2)</translation>
    </message>
    <message>
        <source>%1 exists already</source>
        <translation>%1 gibt es schon</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>%1 changed %2 meanwhile</source>
        <translation>%1 hat %2 inzwischen geändert</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3</source>
        <translation>%1 hat %2 um %3 geändert</translation>
    </message>
    <message>
        <source>nothing you can see</source>
        <translation>nichts Sichtbares</translation>
    </message>
    <message>
        <source>Nothing was saved: check theirs, then save again.</source>
        <translation>Nichts wurde gespeichert: prüfen Sie die andere Version und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Tax by rate</source>
        <translation>Steuer je Satz</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <source>Price overrides</source>
        <translation>Preisänderungen</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Cash over/short</source>
        <translation>Kassendifferenz</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>Schwund</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>Lieferzeit (Tage)</translation>
    </message>
    <message>
        <source>Sold/day</source>
        <translation>Verkauft/Tag</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>To order</source>
        <translation>Zu bestellen</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Stückkosten</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Bestellt am</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>teilweise erhalten</translation>
    </message>
    <message>
        <source>received</source>
        <translation>erhalten</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Give the supplier a short id, such as ACME</source>
        <translation>Geben Sie dem Lieferanten ein kurzes Kürzel, etwa ACME</translation>
    </message>
    <message>
        <source>Give the supplier&apos;s name</source>
        <translation>Geben Sie den Namen des Lieferanten an</translation>
    </message>
    <message>
        <source>Lead time: whole days, 0 to 365</source>
        <translation>Lieferzeit: ganze Tage, 0 bis 365</translation>
    </message>
    <message>
        <source>Window: 7 to 365 days</source>
        <translation>Zeitraum: 7 bis 365 Tage</translation>
    </message>
    <message>
        <source>Give the location to order for</source>
        <translation>Geben Sie den Lagerort an, für den bestellt wird</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) to order</source>
        <translation>
            <numerusform>%n Artikel zu bestellen</numerusform>
            <numerusform>%n Artikel zu bestellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a suggestion first</source>
        <translation>Wählen Sie zuerst einen Vorschlag</translation>
    </message>
    <message>
        <source>Quantity: whole units, 0 to 1,000,000</source>
        <translation>Menge: ganze Einheiten, 0 bis 1.000.000</translation>
    </message>
    <message>
        <source>Unit cost: an amount such as 1.20</source>
        <translation>Stückkosten: ein Betrag wie 1,20</translation>
    </message>
    <message>
        <source>Choose the supplier to order from, then ask for suggestions</source>
        <translation>Wählen Sie den Lieferanten, dann fragen Sie nach Vorschlägen</translation>
    </message>
    <message>
        <source>Nothing to order: every quantity is 0</source>
        <translation>Nichts zu bestellen: jede Menge ist 0</translation>
    </message>
    <message numerus="yes">
        <source>Ordered as %1: %n line(s), expected at the dock now</source>
        <translation>
            <numerusform>Bestellt als %1: %n Zeile, jetzt an der Warenannahme erwartet</numerusform>
            <numerusform>Bestellt als %1: %n Zeilen, jetzt an der Warenannahme erwartet</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an order first</source>
        <translation>Wählen Sie zuerst eine Bestellung</translation>
    </message>
    <message>
        <source>%1 is closed: the docks no longer expect it</source>
        <translation>%1 ist geschlossen: die Warenannahme erwartet sie nicht mehr</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Give the file to save to</source>
        <translation>Geben Sie die Datei zum Speichern an</translation>
    </message>
    <message>
        <source>%1 saved to %2</source>
        <translation>%1 gespeichert in %2</translation>
    </message>
    <message>
        <source>Received value</source>
        <translation>Wert erhalten</translation>
    </message>
    <message>
        <source>Cover: 0 to 365 days</source>
        <translation>Reichweite: 0 bis 365 Tage</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 von %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CartModel</name>
    <message>
        <source>There is no line %1.</source>
        <translation>Es gibt keine Zeile %1.</translation>
    </message>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>Eine Menge ist eine ganze Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>A sale may total at most %1.</source>
        <translation>Ein Verkauf darf höchstens %1 betragen.</translation>
    </message>
    <message>
        <source>A discount on this line is at most %1.</source>
        <translation>Der Rabatt auf diese Zeile ist höchstens %1.</translation>
    </message>
    <message>
        <source>A price is zero or more.</source>
        <translation>Ein Preis ist null oder mehr.</translation>
    </message>
    <message>
        <source>A discount on this sale is at most %1.</source>
        <translation>Der Rabatt auf diesen Verkauf ist höchstens %1.</translation>
    </message>
    <message>
        <source>held</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>only %1 left</source>
        <translation>nur noch %1</translation>
    </message>
    <message numerus="yes">
        <source>only %n left</source>
        <translation>
            <numerusform>nur noch %n</numerusform>
            <numerusform>nur noch %n</numerusform>
        </translation>
    </message>
    <message>
        <source>offline — not confirmed</source>
        <translation>offline — nicht bestätigt</translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation>noch nicht bestätigt</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CashDrawer</name>
    <message>
        <source>The cash drawer cannot be read: %1</source>
        <translation>Die Kassenlade kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nobody is signed in: the drawer records who opens, pays in or out and closes it.</source>
        <translation>Niemand ist angemeldet: die Kasse hält fest, wer öffnet, ein- oder auszahlt und abschließt.</translation>
    </message>
    <message>
        <source>The drawer was not opened: %1</source>
        <translation>Die Kasse wurde nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>The drawer was not opened: %1 is too large a float.</source>
        <translation>Die Kasse wurde nicht geöffnet: %1 ist zu viel Wechselgeld.</translation>
    </message>
    <message>
        <source>Nothing was paid in: %1</source>
        <translation>Nichts eingezahlt: %1</translation>
    </message>
    <message>
        <source>Nothing was paid out: %1</source>
        <translation>Nichts ausgezahlt: %1</translation>
    </message>
    <message>
        <source>the drawer is closed; open it with a float first.</source>
        <translation>die Kasse ist geschlossen; öffnen Sie sie zuerst mit Wechselgeld.</translation>
    </message>
    <message>
        <source>“%1” is not an amount more than zero.</source>
        <translation>„%1“ ist kein Betrag über null.</translation>
    </message>
    <message>
        <source>say why (a reason is required).</source>
        <translation>nennen Sie den Grund (ein Grund ist Pflicht).</translation>
    </message>
    <message>
        <source>No X report: %1</source>
        <translation>Kein X-Bericht: %1</translation>
    </message>
    <message>
        <source>The drawer is closed already: there is nothing to count.</source>
        <translation>Die Kasse ist bereits abgeschlossen: es gibt nichts zu zählen.</translation>
    </message>
    <message>
        <source>The drawer was not closed: %1</source>
        <translation>Die Kasse wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>There is no cash report to print again yet.</source>
        <translation>Es gibt noch keinen Kassenbericht zum erneuten Drucken.</translation>
    </message>
    <message>
        <source>The report cannot be read again: %1</source>
        <translation>Der Bericht kann nicht erneut gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no cash report to print yet.</source>
        <translation>Es gibt noch keinen Kassenbericht zum Drucken.</translation>
    </message>
    <message>
        <source>There is no cash report to save yet.</source>
        <translation>Es gibt noch keinen Kassenbericht zum Speichern.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The report PDF was not saved: %1</source>
        <translation>Das Bericht-PDF wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Z report, cash session %1</source>
        <translation>Z-Bericht, Kassenschicht %1</translation>
    </message>
    <message>
        <source>X report, cash session %1</source>
        <translation>X-Bericht, Kassenschicht %1</translation>
    </message>
    <message>
        <source>Over %1</source>
        <translation>Überschuss %1</translation>
    </message>
    <message>
        <source>Short %1</source>
        <translation>Fehlbetrag %1</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Passend</translation>
    </message>
</context>
<context>
    <name>stockline::qml::CycleCount</name>
    <message>
        <source>Choose the location to count.</source>
        <translation>Wählen Sie den Lagerort, der gezählt wird.</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>Das Sortiment kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No product&apos;s SKU starts with &apos;%1&apos;.</source>
        <translation>Keine Artikelnummer beginnt mit „%1“.</translation>
    </message>
    <message>
        <source>The dock&apos;s counts cannot be read: %1</source>
        <translation>Die Zählungen der Rampe können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Stock moved while you counted: the server now has %1. Count this line again.</source>
        <translation>Bestand hat sich während der Zählung bewegt: der Server hat jetzt %1. Zählen Sie diese Zeile erneut.</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Wählen Sie zuerst eine Zeile.</translation>
    </message>
    <message>
        <source>%1 is sent; wait for the server&apos;s answer.</source>
        <translation>%1 ist gesendet; warten Sie auf die Antwort des Servers.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a count (a whole number from 0).</source>
        <translation>„%1“ ist keine Zählung (eine ganze Zahl ab 0).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The count of %1 could not be saved: %2</source>
        <translation>Die Zählung von %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Type the count of at least one line first.</source>
        <translation>Geben Sie zuerst die Zählung von mindestens einer Zeile ein.</translation>
    </message>
    <message>
        <source>%1 moved while it was counted: count that line again.</source>
        <translation>%1 hat sich während der Zählung bewegt: diese Zeile neu zählen.</translation>
    </message>
    <message>
        <source>The count of %1 was refused: %2</source>
        <translation>Die Zählung von %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>Stock moved while you counted: the server now has 131. Count this line again.</source>
        <translation>Bestand hat sich während der Zählung bewegt: der Server hat jetzt 131. Zählen Sie diese Zeile erneut.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::DayView</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no date: type it as 2026-12-07.</source>
        <translation>„%1“ ist kein Datum: geben Sie es als 2026-12-07 ein.</translation>
    </message>
    <message>
        <source>The store&apos;s day is kept by the server, which cannot be reached now.</source>
        <translation>Den Tag des Geschäfts führt der Server, und der ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>Drawers still open: %1</source>
        <translation>Noch offene Kassen: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Every till has reported.</source>
        <translation>Alle Kassen haben gemeldet.</translation>
    </message>
    <message>
        <source>Not heard from before the day ended, their sales may still come: %1</source>
        <translation>Vor Tagesende nicht gemeldet, ihre Verkäufe können noch kommen: %1</translation>
    </message>
    <message>
        <source>Only a manager&apos;s terminal may see the store&apos;s day.</source>
        <translation>Nur eine Leitungskasse darf den Tag des Geschäfts sehen.</translation>
    </message>
    <message>
        <source>The server did not give the day: %1</source>
        <translation>Der Server hat den Tag nicht geliefert: %1</translation>
    </message>
    <message>
        <source>%1 sales, %2 (tax %3); %4 refunds, %5</source>
        <translation>%1 Verkäufe, %2 (Steuer %3); %4 Erstattungen, %5</translation>
    </message>
    <message>
        <source>%1 sales, %2</source>
        <translation>%1 Verkäufe, %2</translation>
    </message>
    <message>
        <source>%1 refunds, %2</source>
        <translation>%1 Erstattungen, %2</translation>
    </message>
    <message>
        <source>last heard %1</source>
        <translation>zuletzt gemeldet %1</translation>
    </message>
    <message>
        <source>taken %1</source>
        <translation>eingenommen %1</translation>
    </message>
    <message>
        <source>paid back %1</source>
        <translation>ausgezahlt %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>net %1</source>
        <translation>netto %1</translation>
    </message>
    <message>
        <source>tax %1</source>
        <translation>Steuer %1</translation>
    </message>
    <message>
        <source>%1 (last heard %2)</source>
        <translation>%1 (zuletzt gemeldet %2)</translation>
    </message>
</context>
<context>
    <name>stockline::qml::DenominationModel</name>
    <message>
        <source>“%1” is not a count of %2: type how many, a whole number from 0 to %3.</source>
        <translation>„%1“ ist keine Anzahl von %2: geben Sie an, wie viele, eine ganze Zahl von 0 bis %3.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Dock</name>
    <message>
        <source>The dock&apos;s unanswered work cannot be read: %1</source>
        <translation>Die unbeantworteten Buchungen der Rampe können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The dock&apos;s last booking cannot be read: %1</source>
        <translation>Die letzte Buchung der Rampe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Last booked: receipt %1</source>
        <translation>Zuletzt gebucht: Wareneingang %1</translation>
    </message>
    <message>
        <source>Last booked: transfer %1</source>
        <translation>Zuletzt gebucht: Umbuchung %1</translation>
    </message>
    <message>
        <source>Last booked: count of %1</source>
        <translation>Zuletzt gebucht: Zählung von %1</translation>
    </message>
    <message>
        <source>Last booked: adjustment of %1</source>
        <translation>Zuletzt gebucht: Korrektur von %1</translation>
    </message>
    <message>
        <source>The expected deliveries cannot be read: %1</source>
        <translation>Die erwarteten Lieferungen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ExceptionsModel</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>Only a manager terminal resolves shortages: ask a manager to resolve it from one.</source>
        <translation>Nur eine Leitungskasse klärt Fehlbestände: bitten Sie die Filialleitung, ihn dort zu klären.</translation>
    </message>
    <message>
        <source>Accept the loss of %1 × %2 at %3 (shortage %4)</source>
        <translation>Verlust von %1 × %2 in %3 hinnehmen (Fehlbestand %4)</translation>
    </message>
    <message>
        <source>Recount %1 at %2: %3 on the shelf (shortage %4)</source>
        <translation>%1 in %2 nachzählen: %3 im Regal (Fehlbestand %4)</translation>
    </message>
    <message>
        <source>The resolution could not be saved: %1</source>
        <translation>Die Klärung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::HistoryModel</name>
    <message>
        <source>The history needs the server, and this terminal is not connected to it right now.</source>
        <translation>Der Verlauf braucht den Server, und diese Kasse ist gerade nicht mit ihm verbunden.</translation>
    </message>
    <message>
        <source>The server cannot show this history: %1</source>
        <translation>Der Server kann diesen Verlauf nicht zeigen: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ParkedModel</name>
    <message>
        <source>The parked sales cannot be read: %1</source>
        <translation>Die geparkten Verkäufe können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::PaymentModel</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
    <message>
        <source>The sale is already paid.</source>
        <translation>Der Verkauf ist bereits bezahlt.</translation>
    </message>
    <message>
        <source>A card pays at most the %1 still due.</source>
        <translation>Mit Karte höchstens die noch offenen %1.</translation>
    </message>
    <message>
        <source>Enter the card slip&apos;s reference (up to %1 characters).</source>
        <translation>Geben Sie die Belegnummer des Kartenbelegs ein (bis zu %1 Zeichen).</translation>
    </message>
    <message>
        <source>There is no payment %1.</source>
        <translation>Es gibt keine Zahlung %1.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Receiving</name>
    <message>
        <source>The deliveries cannot be read: %1</source>
        <translation>Die Lieferungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Delivery %1 is not open.</source>
        <translation>Lieferung %1 ist nicht offen.</translation>
    </message>
    <message>
        <source>Choose the location the goods go to.</source>
        <translation>Wählen Sie den Lagerort, an den die Ware geht.</translation>
    </message>
    <message>
        <source>Choose a delivery, or start a receipt without one, first.</source>
        <translation>Wählen Sie zuerst eine Lieferung oder beginnen Sie einen Wareneingang ohne Lieferung.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quantity and a code, such as 12*4006381333931.</source>
        <translation>„%1“ ist keine Menge mit Code wie 12*4006381333931.</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>Das Sortiment kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 is not in the catalog.</source>
        <translation>%1 ist nicht im Sortiment.</translation>
    </message>
    <message>
        <source>%1 (%2) is not on delivery %3. Set it aside, or receive it without a delivery.</source>
        <translation>%1 (%2) ist nicht in Lieferung %3. Legen Sie es beiseite oder buchen Sie es ohne Lieferung ein.</translation>
    </message>
    <message>
        <source>That makes more than %1 on one line.</source>
        <translation>Das wären mehr als %1 auf einer Zeile.</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Wählen Sie zuerst eine Zeile.</translation>
    </message>
    <message>
        <source>A receipt without a delivery has nothing to refuse: leave refused goods out of it.</source>
        <translation>Ein Wareneingang ohne Lieferung kann nichts ablehnen: abgelehnte Ware einfach weglassen.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Nothing is being received.</source>
        <translation>Es wird gerade nichts eingebucht.</translation>
    </message>
    <message>
        <source>Count what arrived first: nothing is counted.</source>
        <translation>Zählen Sie zuerst, was angekommen ist: noch nichts gezählt.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>Die Notiz ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Receive more than delivery %1 expects</source>
        <translation>Mehr einbuchen, als Lieferung %1 erwartet</translation>
    </message>
    <message>
        <source>Only refused goods: the server books a receipt with at least one accepted unit. Count what is accepted, or leave the delivery open.</source>
        <translation>Nur abgelehnte Ware: der Server bucht einen Wareneingang mit mindestens einem angenommenen Stück. Zählen Sie, was angenommen wird, oder lassen Sie die Lieferung offen.</translation>
    </message>
    <message>
        <source>over expected, approved by %1. %2</source>
        <translation>mehr als erwartet, freigegeben von %1. %2</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>Der Wareneingang konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Receipt %1 booked.</source>
        <translation>Wareneingang %1 gebucht.</translation>
    </message>
    <message>
        <source>Receipt %1 booked against %2.</source>
        <translation>Wareneingang %1 auf %2 gebucht.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused: %2. Other docks booked part of this delivery meanwhile; nothing of the receipt was booked. Open the delivery again and count the difference, or have a manager approve the extra units.</source>
        <translation>Wareneingang %1 wurde abgelehnt: %2. Andere Rampen haben inzwischen einen Teil dieser Lieferung gebucht; vom Wareneingang wurde nichts gebucht. Öffnen Sie die Lieferung erneut und zählen Sie die Differenz, oder lassen Sie die zusätzlichen Stück von der Filialleitung freigeben.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused: the delivery is no longer open. Nothing was booked; receive the goods without a delivery, or ask a manager.</source>
        <translation>Wareneingang %1 wurde abgelehnt: die Lieferung ist nicht mehr offen. Nichts wurde gebucht; buchen Sie die Ware ohne Lieferung ein oder fragen Sie die Filialleitung.</translation>
    </message>
    <message>
        <source>Receipt %1 was refused (%2): %3</source>
        <translation>Wareneingang %1 wurde abgelehnt (%2): %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ReportModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>stockline::qml::ReturnsModel</name>
    <message>
        <source>Receipt %1 cannot be returned: %2</source>
        <translation>Bon %1 kann nicht zurückgegeben werden: %2</translation>
    </message>
    <message>
        <source>Receipt %1: this receipt is from another till and the server cannot be reached; refunds of other tills&apos; receipts need the server.</source>
        <translation>Bon %1: dieser Bon stammt von einer anderen Kasse und der Server ist nicht erreichbar; Erstattungen für Bons anderer Kassen brauchen den Server.</translation>
    </message>
    <message>
        <source>neither this till nor the server knows it</source>
        <translation>weder diese Kasse noch der Server kennt ihn</translation>
    </message>
    <message>
        <source>Receipt %1 is a refund, not a sale: scan the sale&apos;s receipt.</source>
        <translation>Bon %1 ist eine Erstattung, kein Verkauf: scannen Sie den Bon des Verkaufs.</translation>
    </message>
    <message>
        <source>Choose the lines to return first.</source>
        <translation>Wählen Sie zuerst die Zeilen für die Rückgabe.</translation>
    </message>
    <message>
        <source>No refund — %1 (Ctrl+D on the sale screen).</source>
        <translation>Keine Erstattung — %1 (Strg+D in der Verkaufsansicht).</translation>
    </message>
    <message>
        <source>The refund was not recorded: %1</source>
        <translation>Die Erstattung wurde nicht erfasst: %1</translation>
    </message>
    <message>
        <source>Sold %1 for %2</source>
        <translation>%1 verkauft für %2</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>nothing paid</source>
        <translation>nichts bezahlt</translation>
    </message>
    <message>
        <source>Paid with %1</source>
        <translation>Bezahlt mit %1</translation>
    </message>
    <message>
        <source>; %1 refunded before</source>
        <translation>; %1 bereits erstattet</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SearchModel</name>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockHolds</name>
    <message>
        <source>This till could not ask the server to hold stock (%1). You can keep selling; the lines show as not confirmed.</source>
        <translation>Diese Kasse konnte beim Server keinen Bestand reservieren (%1). Sie können weiter verkaufen; die Zeilen gelten als nicht bestätigt.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockModel</name>
    <message>
        <source>cannot open %1 to read the stock: %2</source>
        <translation>%1 kann zum Lesen des Bestands nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>stockline::qml::StockMoves</name>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>Das Sortiment kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the catalog.</source>
        <translation>„%1“ ist nicht im Sortiment.</translation>
    </message>
    <message>
        <source>Choose two different locations to move stock between.</source>
        <translation>Wählen Sie zwei verschiedene Lagerorte für die Umbuchung.</translation>
    </message>
    <message>
        <source>Transfer of %1 × %2 from %3 to %4</source>
        <translation>Umbuchung von %1 × %2 von %3 nach %4</translation>
    </message>
    <message>
        <source>Choose why: %1.</source>
        <translation>Wählen Sie den Grund: %1.</translation>
    </message>
    <message>
        <source>Choose the location.</source>
        <translation>Wählen Sie den Lagerort.</translation>
    </message>
    <message>
        <source>Adjustment of %1 by %2 at %3 (%4)</source>
        <translation>Korrektur von %1 um %2 in %3 (%4)</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 booked.</source>
        <translation>%1 gebucht.</translation>
    </message>
    <message>
        <source>Transfer %1</source>
        <translation>Umbuchung %1</translation>
    </message>
    <message>
        <source>Adjustment of %1</source>
        <translation>Korrektur von %1</translation>
    </message>
    <message>
        <source>%1 was refused: only %2 available there. Nothing was moved; count the shelf.</source>
        <translation>%1 wurde abgelehnt: dort sind nur %2 verfügbar. Nichts wurde umgebucht; zählen Sie das Regal.</translation>
    </message>
    <message>
        <source>%1 was refused (%2): %3</source>
        <translation>%1 wurde abgelehnt (%2): %3</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SyncProblemsModel</name>
    <message>
        <source>sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>stock hold</source>
        <translation>Reservierung</translation>
    </message>
    <message>
        <source>stock release</source>
        <translation>Freigabe der Reservierung</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>Bestandskorrektur</translation>
    </message>
    <message>
        <source>change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1 (%2, change %3)</source>
        <translation>%1 (%2, Änderung %3)</translation>
    </message>
    <message>
        <source>A sale was sent again as an offline sale</source>
        <translation>Ein Verkauf wurde erneut als Offline-Verkauf gesendet</translation>
    </message>
    <message>
        <source>Nothing to do at the till: the sale is kept and counted. The server had less stock than was sold; a manager will see a shortage to check.</source>
        <translation>An der Kasse ist nichts zu tun: der Verkauf ist gespeichert und zählt. Der Server hatte weniger Bestand als verkauft wurde; die Filialleitung sieht einen Fehlbestand zur Prüfung.</translation>
    </message>
    <message>
        <source>The server does not let this till send a %1</source>
        <translation>Der Server lässt diese Kasse keinen Vorgang (%1) senden</translation>
    </message>
    <message>
        <source>Call IT: this till may be enrolled with the wrong role. Everything is kept on this till.</source>
        <translation>Rufen Sie die IT: diese Kasse ist womöglich mit der falschen Rolle angemeldet. Alles bleibt an dieser Kasse gespeichert.</translation>
    </message>
    <message>
        <source>The server does not know a product in a %1</source>
        <translation>Der Server kennt einen Artikel in einem Vorgang (%1) nicht</translation>
    </message>
    <message>
        <source>Keep selling. Tell a manager: the product must be added to the server&apos;s catalog. The %1 is kept on this till.</source>
        <translation>Weiter verkaufen. Sagen Sie es der Filialleitung: der Artikel muss ins Sortiment des Servers. Der Vorgang (%1) bleibt an dieser Kasse gespeichert.</translation>
    </message>
    <message>
        <source>The server does not know this till&apos;s location</source>
        <translation>Der Server kennt den Standort dieser Kasse nicht</translation>
    </message>
    <message>
        <source>Call IT: the till is set up with a wrong location. Everything is kept on this till.</source>
        <translation>Rufen Sie die IT: die Kasse ist mit einem falschen Standort eingerichtet. Alles bleibt an dieser Kasse gespeichert.</translation>
    </message>
    <message>
        <source>A receipt went past what its delivery expects</source>
        <translation>Ein Wareneingang ging über die erwartete Liefermenge hinaus</translation>
    </message>
    <message>
        <source>Nothing of it was booked: another dock received part of the delivery meanwhile. Open the delivery again and receive what is left; more than expected needs a manager.</source>
        <translation>Nichts davon wurde gebucht: eine andere Rampe hat inzwischen einen Teil der Lieferung angenommen. Öffnen Sie die Lieferung erneut und buchen Sie den Rest ein; mehr als erwartet braucht die Filialleitung.</translation>
    </message>
    <message>
        <source>A receipt names a delivery that is no longer open</source>
        <translation>Ein Wareneingang nennt eine Lieferung, die nicht mehr offen ist</translation>
    </message>
    <message>
        <source>Nothing of it was booked. Receive the goods without a delivery, or ask a manager about the delivery.</source>
        <translation>Nichts davon wurde gebucht. Buchen Sie die Ware ohne Lieferung ein oder fragen Sie die Filialleitung nach der Lieferung.</translation>
    </message>
    <message>
        <source>Stock moved while a shelf was counted</source>
        <translation>Bestand hat sich während einer Regalzählung bewegt</translation>
    </message>
    <message>
        <source>Nothing was booked: count that line again on the count screen.</source>
        <translation>Nichts wurde gebucht: zählen Sie diese Zeile in der Zählansicht erneut.</translation>
    </message>
    <message>
        <source>A refund was more than was left to refund</source>
        <translation>Eine Erstattung war höher als noch zu erstatten war</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 left</source>
        <translation>Zeile %1 (%2): %3 übrig</translation>
    </message>
    <message>
        <source>Still refundable on the sale: %1. %2</source>
        <translation>Auf den Verkauf noch erstattbar: %1. %2</translation>
    </message>
    <message>
        <source>Another till refunded the same receipt meanwhile, so the server did not take these goods back. Tell a manager: the money went back at this till; check the receipt and the drawer.</source>
        <translation>Eine andere Kasse hat denselben Bon inzwischen erstattet, daher hat der Server diese Ware nicht zurückgenommen. Sagen Sie es der Filialleitung: das Geld wurde an dieser Kasse ausgezahlt; prüfen Sie Bon und Kassenlade.</translation>
    </message>
    <message>
        <source>An offline refund went beyond what was left to refund</source>
        <translation>Eine Offline-Erstattung ging über das noch Erstattbare hinaus</translation>
    </message>
    <message>
        <source>The refund is kept: the money went back at this till while the server could not be reached, but another till had refunded the same receipt. A manager sees it in the store&apos;s day under refund exceptions; check the receipt and the drawer.</source>
        <translation>Die Erstattung bleibt bestehen: das Geld wurde an dieser Kasse ausgezahlt, während der Server nicht erreichbar war, aber eine andere Kasse hatte denselben Bon schon erstattet. Die Filialleitung sieht es im Tag des Geschäfts unter Erstattungsausnahmen; prüfen Sie Bon und Kassenlade.</translation>
    </message>
    <message>
        <source>Not enough stock for a %1</source>
        <translation>Nicht genug Bestand für einen Vorgang (%1)</translation>
    </message>
    <message>
        <source>Tell a manager: the shelf and the server disagree.</source>
        <translation>Sagen Sie es der Filialleitung: Regal und Server stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The server refused a %1</source>
        <translation>Der Server hat einen Vorgang (%1) abgelehnt</translation>
    </message>
    <message>
        <source>Call IT and show them this message. The %1 is kept on this till.</source>
        <translation>Rufen Sie die IT und zeigen Sie diese Meldung. Der Vorgang (%1) bleibt an dieser Kasse gespeichert.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n more sold than the stock showed</source>
        <translation>
            <numerusform>%1: %n mehr verkauft, als der Bestand zeigte</numerusform>
            <numerusform>%1: %n mehr verkauft, als der Bestand zeigte</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale %1 at this till, %2, at %3</source>
        <translation>Verkauf %1 an dieser Kasse, %2, in %3</translation>
    </message>
    <message>
        <source>Sale %1 at till %2, %3, at %4</source>
        <translation>Verkauf %1 an Kasse %2, %3, in %4</translation>
    </message>
    <message>
        <source>Nothing to do at the till. A manager should count %1 on the shelf and resolve the shortage on the server.</source>
        <translation>An der Kasse ist nichts zu tun. Die Filialleitung sollte %1 im Regal zählen und den Fehlbestand auf dem Server klären.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::SyncStatus</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Alles gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n zu senden</numerusform>
            <numerusform>%n zu senden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · oldest %2</source>
        <translation>%1 · älteste %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 · prices include tax</source>
        <translation>%1 · Preise inkl. Steuer</translation>
    </message>
    <message>
        <source>%1 · prices exclude tax</source>
        <translation>%1 · Preise ohne Steuer</translation>
    </message>
</context>
<context>
    <name>stockline::qml::Till</name>
    <message>
        <source>A quantity is a whole number from 1 to %1.</source>
        <translation>Eine Menge ist eine ganze Zahl von 1 bis %1.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message>
        <source>The catalog cannot be read: %1</source>
        <translation>Das Sortiment kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Unknown barcode %1: not in the catalog.</source>
        <translation>Unbekannter Barcode %1: nicht im Sortiment.</translation>
    </message>
    <message>
        <source>Unreadable barcode: %1</source>
        <translation>Unlesbarer Barcode: %1</translation>
    </message>
    <message>
        <source>price from label</source>
        <translation>Preis vom Etikett</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 of %2 is not from %3 to %4.</source>
        <translation>%1 von %2 liegt nicht zwischen %3 und %4.</translation>
    </message>
    <message>
        <source>A weighed label is one item: scan each label on its own.</source>
        <translation>Ein Wiegeetikett ist ein Artikel: jedes Etikett einzeln scannen.</translation>
    </message>
    <message>
        <source>%1 has no price per %2: its weight cannot come from the label.</source>
        <translation>%1 hat keinen Preis pro %2: das Gewicht kann nicht vom Etikett kommen.</translation>
    </message>
    <message>
        <source>%1 is sold by %2: scan its label, or type the weight first, like 0.532*</source>
        <translation>%1 wird nach %2 verkauft: Etikett scannen oder zuerst das Gewicht eingeben, etwa 0.532*</translation>
    </message>
    <message>
        <source>%1 is sold in whole units, not %2.</source>
        <translation>%1 wird nur in ganzen Stück verkauft, nicht %2.</translation>
    </message>
    <message>
        <source>%1 (%2) is no longer sold.</source>
        <translation>%1 (%2) wird nicht mehr verkauft.</translation>
    </message>
    <message>
        <source>A sale may total at most %1.</source>
        <translation>Ein Verkauf darf höchstens %1 betragen.</translation>
    </message>
    <message>
        <source>No product %1.</source>
        <translation>Kein Artikel %1.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>„%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>Wählen Sie zuerst eine Zeile.</translation>
    </message>
    <message>
        <source>A discount on this line is at most %1.</source>
        <translation>Der Rabatt auf diese Zeile ist höchstens %1.</translation>
    </message>
    <message>
        <source>%1 off %2 (%3)</source>
        <translation>%1 Rabatt auf %2 (%3)</translation>
    </message>
    <message>
        <source>A discount on this sale is at most %1.</source>
        <translation>Der Rabatt auf diesen Verkauf ist höchstens %1.</translation>
    </message>
    <message>
        <source>%1 off the whole sale (%2)</source>
        <translation>%1 Rabatt auf den ganzen Verkauf (%2)</translation>
    </message>
    <message>
        <source>%1: price %2 instead of %3</source>
        <translation>%1: Preis %2 statt %3</translation>
    </message>
    <message>
        <source>price override (was %1), approved by %2</source>
        <translation>Preis geändert (war %1), freigegeben von %2</translation>
    </message>
    <message>
        <source>Cancel a sale of %1 with %2 already paid</source>
        <translation>Verkauf über %1 abbrechen, %2 schon bezahlt</translation>
    </message>
    <message>
        <source>Scan an item first.</source>
        <translation>Scannen Sie zuerst einen Artikel.</translation>
    </message>
    <message>
        <source>No payment — %1 (Ctrl+D).</source>
        <translation>Keine Zahlung — %1 (Strg+D).</translation>
    </message>
    <message>
        <source>Give back %1 already paid and return to the sale</source>
        <translation>Bereits gezahlte %1 zurückgeben und zum Verkauf zurückkehren</translation>
    </message>
    <message>
        <source>Choose a payment first.</source>
        <translation>Wählen Sie zuerst eine Zahlung.</translation>
    </message>
    <message>
        <source>Give back the %1 payment of %2</source>
        <translation>Die Zahlung (%1) über %2 zurückgeben</translation>
    </message>
    <message>
        <source>This till runs on its command line: change its setup there.</source>
        <translation>Diese Kasse läuft mit Befehlszeilenoptionen: ändern Sie die Einrichtung dort.</translation>
    </message>
    <message>
        <source>Change the setup of terminal %1</source>
        <translation>Einrichtung der Kasse %1 ändern</translation>
    </message>
    <message>
        <source>Choose what is returned first.</source>
        <translation>Wählen Sie zuerst, was zurückgegeben wird.</translation>
    </message>
    <message>
        <source>No refund — %1 (Ctrl+D on the sale screen).</source>
        <translation>Keine Erstattung — %1 (Strg+D in der Verkaufsansicht).</translation>
    </message>
    <message>
        <source>Refund %1 on receipt %2</source>
        <translation>%1 auf Bon %2 erstatten</translation>
    </message>
    <message>
        <source>The sale is not paid yet.</source>
        <translation>Der Verkauf ist noch nicht bezahlt.</translation>
    </message>
    <message>
        <source>The sale was NOT saved, nothing is lost yet: %1. Try again, or call IT if it keeps failing.</source>
        <translation>Der Verkauf wurde NICHT gespeichert, noch ist nichts verloren: %1. Versuchen Sie es erneut oder rufen Sie die IT, wenn es weiter fehlschlägt.</translation>
    </message>
    <message>
        <source>There is no receipt to print yet.</source>
        <translation>Es gibt noch keinen Bon zum Drucken.</translation>
    </message>
    <message>
        <source>There is no receipt to save yet.</source>
        <translation>Es gibt noch keinen Bon zum Speichern.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The receipt PDF was not saved: %1</source>
        <translation>Das Bon-PDF wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <source>The sale could not be parked: %1</source>
        <translation>Der Verkauf konnte nicht geparkt werden: %1</translation>
    </message>
    <message>
        <source>Finish or park the current sale first.</source>
        <translation>Schließen oder parken Sie zuerst den laufenden Verkauf.</translation>
    </message>
    <message>
        <source>The sale in progress could not be saved: %1</source>
        <translation>Der laufende Verkauf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The sale in progress could not be read: %1</source>
        <translation>Der laufende Verkauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The sale in progress when the till stopped is back in the cart.</source>
        <translation>Der Verkauf, der beim Anhalten der Kasse lief, ist wieder im Warenkorb.</translation>
    </message>
    <message>
        <source>Restored after a restart: check against the last receipt</source>
        <translation>Nach einem Neustart wiederhergestellt: mit dem letzten Bon abgleichen</translation>
    </message>
    <message>
        <source>The sale in progress could not be restored: %1</source>
        <translation>Der laufende Verkauf konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>The sale in progress when the till stopped was parked: check it against the last receipt before ringing it up.</source>
        <translation>Der Verkauf, der beim Anhalten der Kasse lief, wurde geparkt: gleichen Sie ihn vor dem Kassieren mit dem letzten Bon ab.</translation>
    </message>
</context>
<context>
    <name>stockline::qml::TillSync</name>
    <message>
        <source>Sale %1 could not be queued again for the server: %2. It is kept on this till; call IT.</source>
        <translation>Verkauf %1 konnte nicht erneut für den Server eingereiht werden: %2. Er bleibt an dieser Kasse gespeichert; rufen Sie die IT.</translation>
    </message>
</context>
<context>
    <name>stockline::sync::BackOffice</name>
    <message>
        <source>The server did not answer</source>
        <translation>Der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>The back office needs the server</source>
        <translation>Das Backoffice braucht den Server</translation>
    </message>
</context>
<context>
    <name>stockline::sync::Client</name>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>closed, code %1</source>
        <translation>geschlossen, Code %1</translation>
    </message>
    <message>
        <source>This terminal has no terminal id or token: a manager must enrol it first.</source>
        <translation>Diese Kasse hat keine Kassen-ID oder keinen Token: die Filialleitung muss sie zuerst anmelden.</translation>
    </message>
    <message>
        <source>The server does not accept this terminal (unknown terminal or wrong token). A manager must enrol it again.</source>
        <translation>Der Server nimmt diese Kasse nicht an (unbekannte Kasse oder falscher Token). Die Filialleitung muss sie neu anmelden.</translation>
    </message>
    <message>
        <source>This terminal was revoked on the server. A manager must enrol it again.</source>
        <translation>Diese Kasse wurde auf dem Server gesperrt. Die Filialleitung muss sie neu anmelden.</translation>
    </message>
    <message>
        <source>The server speaks another protocol version: update this terminal or the server.</source>
        <translation>Der Server spricht eine andere Protokollversion: aktualisieren Sie diese Kasse oder den Server.</translation>
    </message>
    <message>
        <source>Not connected to the sync server (%1); trying again in %2 s.</source>
        <translation>Nicht mit dem Sync-Server verbunden (%1); neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <source>The sync server stopped answering; connecting again.</source>
        <translation>Der Sync-Server antwortet nicht mehr; verbinde erneut.</translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation>Der Postausgang kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot continue this terminal&apos;s numbering after the server&apos;s: %1</source>
        <translation>Die Nummerierung dieser Kasse kann nicht nach der des Servers fortgesetzt werden: %1</translation>
    </message>
    <message>
        <source>not enough stock: %1 available</source>
        <translation>nicht genug Bestand: %1 verfügbar</translation>
    </message>
    <message>
        <source>%1: %2 available</source>
        <translation>%1: %2 verfügbar</translation>
    </message>
    <message>
        <source>not enough stock</source>
        <translation>nicht genug Bestand</translation>
    </message>
    <message>
        <source>not enough stock (%1)</source>
        <translation>nicht genug Bestand (%1)</translation>
    </message>
    <message>
        <source>line %1 (%2): %3 left</source>
        <translation>Zeile %1 (%2): %3 übrig</translation>
    </message>
    <message>
        <source>more than was left to refund (%1)</source>
        <translation>mehr als noch zu erstatten war (%1)</translation>
    </message>
    <message>
        <source>the stock changed since it was counted (now %1 on hand)</source>
        <translation>der Bestand hat sich seit der Zählung geändert (jetzt %1 vorhanden)</translation>
    </message>
    <message>
        <source>the stock changed since it was counted</source>
        <translation>der Bestand hat sich seit der Zählung geändert</translation>
    </message>
    <message>
        <source>this terminal&apos;s role may not do this</source>
        <translation>die Rolle dieser Kasse erlaubt das nicht</translation>
    </message>
    <message>
        <source>the server does not know this product</source>
        <translation>der Server kennt diesen Artikel nicht</translation>
    </message>
    <message>
        <source>the server does not know this location</source>
        <translation>der Server kennt diesen Lagerort nicht</translation>
    </message>
    <message>
        <source>line %1: %2 beyond what was left, %3 paid back beyond it</source>
        <translation>Zeile %1: %2 über dem Rest, %3 darüber hinaus ausgezahlt</translation>
    </message>
    <message>
        <source>an offline refund went beyond what was left to refund (%1)</source>
        <translation>eine Offline-Erstattung ging über das noch Erstattbare hinaus (%1)</translation>
    </message>
    <message>
        <source>The server has no record of mutations it confirmed to this terminal (it answered up to seq %1 and is now at %2): was it restored from an older backup? Nothing more is sent until a person has checked; if it was, close the till and run `stockline --resend-after-restore`.</source>
        <translation>Der Server kennt Änderungen nicht mehr, die er dieser Kasse bestätigt hat (er antwortete bis Nr. %1 und steht jetzt bei %2): wurde er aus einer älteren Sicherung wiederhergestellt? Es wird nichts mehr gesendet, bis jemand nachgesehen hat; wenn ja, schließen Sie die Kasse und führen Sie `stockline --resend-after-restore` aus.</translation>
    </message>
    <message>
        <source>Cannot reopen the outbox: %1</source>
        <translation>Der Postausgang kann nicht wieder geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Could not record the server&apos;s answers on this terminal: %1. They are asked for again.</source>
        <translation>Die Antworten des Servers konnten an dieser Kasse nicht gespeichert werden: %1. Sie werden erneut angefordert.</translation>
    </message>
    <message>
        <source>The server refused this terminal&apos;s hello: %1. Check the terminal id and token it was enrolled with.</source>
        <translation>Der Server hat die Anmeldung dieser Kasse abgelehnt: %1. Prüfen Sie Kassen-ID und Token der Einrichtung.</translation>
    </message>
    <message>
        <source>The server refused a message from this terminal: %1 (%2)</source>
        <translation>Der Server hat eine Nachricht dieser Kasse abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>Could not update the stock levels on this terminal: %1</source>
        <translation>Die Bestände konnten an dieser Kasse nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Could not update the catalog on this terminal: %1</source>
        <translation>Das Sortiment konnte an dieser Kasse nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Could not store the staff list on this terminal: %1</source>
        <translation>Die Personalliste konnte an dieser Kasse nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not store the expected deliveries on this terminal: %1</source>
        <translation>Die erwarteten Lieferungen konnten an dieser Kasse nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the replica&apos;s cursors: %1</source>
        <translation>Die Stände der lokalen Kopie können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>stockline::sync::Pairing</name>
    <message>
        <source>The server did not accept this code: it is wrong, used already or expired. Ask a manager for a new one.</source>
        <translation>Der Server hat diesen Code nicht angenommen: er ist falsch, schon benutzt oder abgelaufen. Bitten Sie die Filialleitung um einen neuen.</translation>
    </message>
    <message>
        <source>The server is busy; enter the code again in a moment.</source>
        <translation>Der Server ist ausgelastet; geben Sie den Code gleich noch einmal ein.</translation>
    </message>
    <message>
        <source>The server refused to pair: %1</source>
        <translation>Der Server hat die Kopplung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time; check the server address and try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet; prüfen Sie die Serveradresse und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A pairing code is %1 digits, such as 1234-5678.</source>
        <translation>Ein Kopplungscode hat %1 Ziffern, etwa 1234-5678.</translation>
    </message>
    <message>
        <source>The server answered something this terminal does not understand: %1</source>
        <translation>Der Server hat etwas geantwortet, das diese Kasse nicht versteht: %1</translation>
    </message>
    <message>
        <source>Paired as %1, but the configuration could not be saved (%2): ask for a new code once that is fixed.</source>
        <translation>Als %1 gekoppelt, aber die Einrichtung konnte nicht gespeichert werden (%2): fordern Sie einen neuen Code an, sobald das behoben ist.</translation>
    </message>
    <message>
        <source>Could not pair with the server at %1 (%2).</source>
        <translation>Kopplung mit dem Server unter %1 fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>closed, code %1</source>
        <translation>geschlossen, Code %1</translation>
    </message>
</context>
<context>
    <name>stockline::sync::WebSocketTransport</name>
    <message>
        <source>the server&apos;s certificate is not trusted (%1): pin its fingerprint when enrolling this terminal, or give the server a certificate from a trusted authority</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut (%1): hinterlegen Sie seinen Fingerabdruck bei der Einrichtung dieser Kasse oder geben Sie dem Server ein Zertifikat einer vertrauenswürdigen Stelle</translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be checked against the pinned fingerprint (%1)</source>
        <translation>das Zertifikat des Servers kann nicht mit dem hinterlegten Fingerabdruck verglichen werden (%1)</translation>
    </message>
    <message>
        <source>the server&apos;s certificate (SHA-256 %1) is not the pinned one (SHA-256 %2): refusing to connect. If the server&apos;s certificate was replaced, enrol this terminal again with the new fingerprint; if not, someone may be posing as the server</source>
        <translation>das Zertifikat des Servers (SHA-256 %1) ist nicht das hinterlegte (SHA-256 %2): keine Verbindung. Wurde das Zertifikat des Servers ersetzt, richten Sie diese Kasse mit dem neuen Fingerabdruck neu ein; wenn nicht, gibt sich womöglich jemand als der Server aus</translation>
    </message>
</context>
</TS>
