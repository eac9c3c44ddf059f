import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// One product's fields as the manager edits them; Tab moves on, Ctrl+Enter (or F12) saves,
// Esc closes without saving. `version` is what the product was read at: the server refuses a
// save over a newer one (0: a new product).
Rectangle {
    id: editor

    property int version: 0
    signal closed()

    function load(product) {
        version = product.version || 0
        skuField.text = product.sku || ""
        nameField.text = product.name || ""
        barcodesField.text = (product.barcodes || []).join(", ")
        departmentField.text = product.department || ""
        unitBox.currentIndex = Math.max(0, unitBox.model.indexOf(product.unit || "each"))
        priceField.text = product.price !== undefined ? (product.price / 100).toFixed(2) : ""
        taxField.text = product.taxRate !== undefined ? String(product.taxRate) : ""
        costField.text = product.cost !== undefined ? (product.cost / 100).toFixed(2) : ""
        reorderField.text = product.reorderPoint !== undefined ? String(product.reorderPoint) : ""
        supplierField.text = product.supplier || ""
        activeBox.checked = product.active !== undefined ? product.active : true
        visible = true
    }
    function refocus() {
        if (version === 0 && skuField.text.length === 0)
            skuField.forceActiveFocus()
        else
            nameField.forceActiveFocus()
    }
    function save() {
        Office.saveProduct({ sku: skuField.text, name: nameField.text,
                             barcodes: barcodesField.text, department: departmentField.text,
                             unit: unitBox.currentText, price: priceField.text,
                             taxRate: taxField.text, cost: costField.text,
                             reorderPoint: reorderField.text, supplier: supplierField.text,
                             active: activeBox.checked, version: editor.version })
    }
    function close() {
        visible = false
        closed()
    }

    color: Theme.panel
    border.color: Theme.line
    radius: Theme.radius

    Keys.onEscapePressed: close()

    GridLayout {
        anchors.fill: parent
        anchors.margins: 12
        columns: 2
        columnSpacing: 8
        rowSpacing: 4

        Label {
            Layout.columnSpan: 2
            text: editor.version === 0 ? qsTr("New product") : qsTr("Version %1").arg(editor.version)
            font.bold: true
        }
        Label { text: qsTr("SKU") }
        TextField { id: skuField; objectName: "productSku"; Layout.fillWidth: true; readOnly: editor.version > 0 }
        Label { text: qsTr("Name") }
        TextField { id: nameField; objectName: "productName"; Layout.fillWidth: true }
        Label { text: qsTr("Barcodes") }
        TextField { id: barcodesField; objectName: "productBarcodes"; Layout.fillWidth: true }
        Label { text: qsTr("Department") }
        TextField { id: departmentField; objectName: "productDepartment"; Layout.fillWidth: true }
        Label { text: qsTr("Unit") }
        ComboBox { id: unitBox; Layout.fillWidth: true; model: ["each", "kg", "l", "m"] }
        Label { text: qsTr("Price") }
        TextField { id: priceField; objectName: "productPrice"; Layout.fillWidth: true }
        Label { text: qsTr("Tax rate %") }
        TextField { id: taxField; objectName: "productTax"; Layout.fillWidth: true }
        Label { text: qsTr("Cost") }
        TextField { id: costField; objectName: "productCost"; Layout.fillWidth: true }
        Label { text: qsTr("Reorder at") }
        TextField { id: reorderField; objectName: "productReorder"; Layout.fillWidth: true }
        Label { text: qsTr("Supplier") }
        TextField { id: supplierField; objectName: "productSupplier"; Layout.fillWidth: true }
        Label { text: qsTr("Sold") }
        CheckBox { id: activeBox; text: qsTr("Active (untick to retire)") }
        RowLayout {
            Layout.columnSpan: 2
            KeyButton { text: qsTr("Save"); key: "Ctrl+Enter"; tint: Theme.accent; ink: Theme.accentText; onClicked: editor.save() }
            KeyButton { text: qsTr("Close"); key: "Esc"; onClicked: editor.close() }
        }
        Item { Layout.fillHeight: true }
    }
    Shortcut { sequences: ["Ctrl+Return", "Ctrl+Enter", "F12"]; enabled: editor.visible; onActivated: editor.save() }
    Shortcut { sequence: "Esc"; enabled: editor.visible; onActivated: editor.close() }
    Connections {
        target: Office
        function onSaved() { if (editor.visible) editor.close() }
    }
}
