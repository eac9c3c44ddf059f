import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Prices now or from a time: one product's (its SKU, the new price; F2), or a whole
// department's or supplier's by a percentage (F3), rounded to end in 0/5 or 9. The scheduled
// changes are listed below; Delete cancels the current one.
ColumnLayout {
    id: page

    function activate() {
        Office.loadCatalog("")
        Office.loadScheduled()
    }
    function refocus() { skuField.forceActiveFocus() }
    function changeOne() {
        const row = Office.catalog.find("sku", skuField.text.trim())
        if (row < 0) {
            Office.loadCatalog(skuField.text.trim())
            hint.text = qsTr("No product %1 in the list: searched for it, try again").arg(skuField.text)
            return
        }
        hint.text = ""
        Office.changePrice(skuField.text.trim(), priceField.text,
                           Office.catalog.rowObject(row).version, whenField.text)
    }
    function changeMany() {
        Office.bulkPrice(byBox.currentIndex === 0 ? groupField.text : "",
                         byBox.currentIndex === 1 ? groupField.text : "",
                         percentField.text, roundingBox.currentValue, bulkWhenField.text)
    }
    function cancelCurrent() {
        if (scheduled.currentRow >= 0)
            Office.cancelPrice(Office.scheduled.rowObject(scheduled.currentRow).change)
    }

    spacing: Theme.spacing
    Label { text: qsTr("One product"); font.bold: true }
    RowLayout {
        spacing: Theme.spacing
        TextField { id: skuField; objectName: "priceSku"; placeholderText: qsTr("SKU"); KeyNavigation.tab: priceField }
        TextField { id: priceField; objectName: "priceNew"; placeholderText: qsTr("New price"); KeyNavigation.tab: whenField; Keys.onReturnPressed: page.changeOne() }
        TextField {
            id: whenField
            objectName: "priceWhen"
            Layout.preferredWidth: 260
            placeholderText: qsTr("From (empty: now; 2026-12-24 06:00)")
            KeyNavigation.tab: groupField
            Keys.onReturnPressed: page.changeOne()
        }
        KeyButton { text: qsTr("Change price"); key: "F2"; onClicked: page.changeOne() }
    }
    Label { id: hint; visible: text.length > 0; color: Theme.warning }
    Label { text: qsTr("Many products by a percentage"); font.bold: true }
    RowLayout {
        spacing: Theme.spacing
        ComboBox { id: byBox; model: [qsTr("Department"), qsTr("Supplier")] }
        TextField { id: groupField; objectName: "bulkGroup"; placeholderText: qsTr("Department or supplier"); KeyNavigation.tab: percentField }
        TextField { id: percentField; objectName: "bulkPercent"; placeholderText: qsTr("Percent (5, -2.5)"); KeyNavigation.tab: bulkWhenField }
        ComboBox {
            id: roundingBox
            textRole: "text"
            valueRole: "value"
            model: [{ text: qsTr("No rounding"), value: "none" }, { text: qsTr("End in 0 or 5"), value: "5" },
                    { text: qsTr("End in 9"), value: "9" }]
        }
        TextField {
            id: bulkWhenField
            objectName: "bulkWhen"
            Layout.preferredWidth: 260
            placeholderText: qsTr("From (empty: now)")
            KeyNavigation.tab: skuField
            Keys.onReturnPressed: page.changeMany()
        }
        KeyButton { text: qsTr("Change all"); key: "F3"; onClicked: page.changeMany() }
    }
    Label { text: qsTr("Scheduled changes (Delete cancels)"); font.bold: true }
    BackOfficeTable {
        id: scheduled
        objectName: "scheduledTable"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Office.scheduled
        Keys.onDeletePressed: page.cancelCurrent()
    }
    Shortcut { sequence: "F2"; enabled: page.visible; onActivated: page.changeOne() }
    Shortcut { sequence: "F3"; enabled: page.visible; onActivated: page.changeMany() }
}
