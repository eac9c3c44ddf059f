pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Purchasing, in three parts (F5, F6, F7). Suppliers: the list, one edited (Enter, F2) or
// added (F3); a save over another manager's change shows what they changed, F4 takes theirs.
// Reorder: what to order of a supplier for a location from the sales of the last days (Enter
// asks), each line explained; Enter on a line edits its quantity and unit cost, F3 places the
// lines as a purchase order; how long the order should last once it arrived is the manager's
// (cover days). Orders: the purchase orders with what arrived and its value, a hundred a page
// (Ctrl+Page Up/Down), the chosen one's lines; F2 saves it as CSV, F3 as PDF, F4 (twice)
// closes it.
ColumnLayout {
    id: page

    property int section: 0
    property string closing: ""
    readonly property var statuses: ["", "open", "partial", "received", "closed"]

    function activate() {
        Office.loadSuppliers()
        Office.loadOrders(statuses[statusBox.currentIndex])
    }
    function refocus() {
        if (section === 0)
            supplierEditor.visible ? supplierEditor.refocus() : suppliersTable.forceActiveFocus()
        else if (section === 1)
            suggestionsTable.model.count > 0 ? suggestionsTable.forceActiveFocus() : reorderSupplier.forceActiveFocus()
        else
            ordersTable.forceActiveFocus()
    }
    // Qt 6.4's qmllint declares Qt.callLater a QJSValue property, not a method ("type").
    function refocusLater() {
        Qt.callLater(refocus) // qmllint disable type
    }
    // Each part asks the server again when shown: what the docks received meanwhile.
    function showSection(index) {
        section = index
        if (index === 0)
            Office.loadSuppliers()
        else if (index === 2)
            Office.loadOrders(statuses[statusBox.currentIndex])
        if (index === 1 && reorderSupplier.text.length === 0 && suppliersTable.currentRow >= 0)
            reorderSupplier.text = Office.suppliers.rowObject(suppliersTable.currentRow).id
        refocusLater()
    }
    function editSupplier() {
        if (suppliersTable.currentRow < 0)
            return
        supplierEditor.load(Office.suppliers.rowObject(suppliersTable.currentRow))
        refocusLater()
    }
    function addSupplier() {
        supplierEditor.load({})
        refocusLater()
    }
    function suggest() {
        Office.loadSuggestions(reorderSupplier.text, reorderLocation.text, reorderWindow.text, reorderCover.text)
    }
    function editLine() {
        if (suggestionsTable.currentRow < 0)
            return
        const line = Office.suggestions.rowObject(suggestionsTable.currentRow)
        lineQty.text = String(line.qty)
        lineCost.text = (line.cost / 100).toFixed(2)
        lineQty.forceActiveFocus()
        lineQty.selectAll()
    }
    function applyLine() {
        if (Office.editSuggestion(suggestionsTable.currentRow, lineQty.text, lineCost.text))
            suggestionsTable.forceActiveFocus()
    }
    function exportOrder(pdf) {
        const name = Office.orderReference + (pdf ? ".pdf" : ".csv")
        const folder = exportFolder.text.length > 0 ? exportFolder.text : Office.exportFolder
        Office.exportOrder(folder + "/" + name, pdf)
    }
    function closeOrder() {
        if (Office.orderReference.length === 0)
            return
        if (closing !== Office.orderReference) {
            closing = Office.orderReference
            return
        }
        closing = ""
        Office.closeOrder(Office.orderReference)
    }

    spacing: Theme.spacing
    TabBar {
        id: sections
        objectName: "purchasingSections"
        Layout.preferredWidth: 640
        currentIndex: page.section
        Repeater {
            model: [qsTr("Suppliers"), qsTr("Reorder"), qsTr("Purchase orders")]
            delegate: TabButton {
                required property string modelData
                required property int index
                text: qsTr("%1 · F%2").arg(modelData).arg(index + 5)
                focusPolicy: Qt.NoFocus
                onClicked: page.showSection(index)
            }
        }
    }
    Rectangle {
        objectName: "supplierConflict"
        Layout.fillWidth: true
        visible: page.section === 0 && Office.conflict.length > 0
        implicitHeight: conflictRow.implicitHeight + 16
        color: Theme.warningBackground
        border.color: Theme.warning
        RowLayout {
            id: conflictRow
            anchors.fill: parent
            anchors.margins: 8
            Label {
                objectName: "supplierConflictText"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: Office.conflict
                color: Theme.text
            }
            KeyButton { text: qsTr("Take theirs"); key: "F4"; onClicked: supplierEditor.load(Office.conflictCurrent) }
        }
    }
    StackLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        currentIndex: page.section

        // Suppliers
        RowLayout {
            spacing: Theme.spacing
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                RowLayout {
                    spacing: Theme.spacing
                    KeyButton { text: qsTr("Edit"); key: "F2"; enabled: suppliersTable.currentRow >= 0; onClicked: page.editSupplier() }
                    KeyButton { text: qsTr("New supplier"); key: "F3"; onClicked: page.addSupplier() }
                }
                BackOfficeTable {
                    id: suppliersTable
                    objectName: "suppliersTable"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: Office.suppliers
                    Keys.onReturnPressed: page.editSupplier()
                    Keys.onEnterPressed: page.editSupplier()
                }
            }
            SupplierEditor {
                id: supplierEditor
                objectName: "supplierEditor"
                Layout.preferredWidth: 420
                Layout.fillHeight: true
                visible: false
                onClosed: page.refocus()
            }
        }

        // Reorder suggestions
        ColumnLayout {
            spacing: Theme.spacing
            RowLayout {
                spacing: Theme.spacing
                TextField {
                    id: reorderSupplier
                    objectName: "reorderSupplier"
                    placeholderText: qsTr("Supplier id (empty: all)")
                    KeyNavigation.tab: reorderLocation
                    Keys.onReturnPressed: page.suggest()
                    Keys.onEnterPressed: page.suggest()
                }
                TextField {
                    id: reorderLocation
                    objectName: "reorderLocation"
                    text: Office.location
                    placeholderText: qsTr("Location")
                    KeyNavigation.tab: reorderWindow
                    Keys.onReturnPressed: page.suggest()
                    Keys.onEnterPressed: page.suggest()
                }
                Label { text: qsTr("Sales of the last") }
                TextField {
                    id: reorderWindow
                    objectName: "reorderWindow"
                    Layout.preferredWidth: 80
                    text: "28"
                    KeyNavigation.tab: reorderCover
                    Keys.onReturnPressed: page.suggest()
                    Keys.onEnterPressed: page.suggest()
                }
                Label { text: qsTr("days (7–365), to last") }
                TextField {
                    id: reorderCover
                    objectName: "reorderCover"
                    Layout.preferredWidth: 80
                    text: "14"
                    KeyNavigation.tab: suggestionsTable
                    Keys.onReturnPressed: page.suggest()
                    Keys.onEnterPressed: page.suggest()
                }
                Label { text: qsTr("days once it arrived (0–365)") }
                KeyButton { text: qsTr("Suggest"); key: "Enter"; onClicked: page.suggest() }
            }
            BackOfficeTable {
                id: suggestionsTable
                objectName: "suggestionsTable"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: Office.suggestions
                Keys.onReturnPressed: page.editLine()
                Keys.onEnterPressed: page.editLine()
                KeyNavigation.tab: lineQty
            }
            // Always laid out (empty without a line): a Label shown and hidden inside a
            // StackLayout's hidden part is not placed again by Qt 6.4's layouts.
            Label {
                objectName: "suggestionWhy"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: suggestionsTable.currentRow >= 0 && suggestionsTable.currentRow < Office.suggestions.count
                      ? qsTr("%1: %2").arg(Office.suggestions.rowObject(suggestionsTable.currentRow).sku)
                                      .arg(Office.suggestions.rowObject(suggestionsTable.currentRow).why)
                      : ""
                color: Theme.muted
            }
            RowLayout {
                spacing: Theme.spacing
                Label { text: qsTr("To order") }
                TextField {
                    id: lineQty
                    objectName: "lineQty"
                    Layout.preferredWidth: 100
                    KeyNavigation.tab: lineCost
                    Keys.onReturnPressed: page.applyLine()
                    Keys.onEnterPressed: page.applyLine()
                    Keys.onEscapePressed: suggestionsTable.forceActiveFocus()
                }
                Label { text: qsTr("at") }
                TextField {
                    id: lineCost
                    objectName: "lineCost"
                    Layout.preferredWidth: 120
                    KeyNavigation.tab: expectedField
                    Keys.onReturnPressed: page.applyLine()
                    Keys.onEnterPressed: page.applyLine()
                    Keys.onEscapePressed: suggestionsTable.forceActiveFocus()
                }
                TextField {
                    id: expectedField
                    objectName: "orderExpected"
                    Layout.preferredWidth: 280
                    placeholderText: qsTr("Expected (empty: not agreed; 2026-12-24 08:00)")
                    KeyNavigation.tab: reorderSupplier
                }
                KeyButton { text: qsTr("Change line"); key: "F2"; onClicked: page.editLine() }
                KeyButton { text: qsTr("Place order"); key: "F3"; tint: Theme.accent; ink: Theme.accentText; onClicked: Office.placeOrder(expectedField.text) }
            }
        }

        // Purchase orders
        ColumnLayout {
            spacing: Theme.spacing
            RowLayout {
                spacing: Theme.spacing
                ComboBox {
                    id: statusBox
                    objectName: "orderStatus"
                    model: [qsTr("All"), qsTr("Open"), qsTr("Partly received"), qsTr("Received"), qsTr("Closed")]
                    onActivated: Office.loadOrders(page.statuses[currentIndex])
                }
                TextField {
                    id: exportFolder
                    objectName: "orderExportFolder"
                    // What is left of the row: the page range after it stays on screen.
                    Layout.fillWidth: true
                    Layout.minimumWidth: 160
                    placeholderText: qsTr("Save in %1").arg(Office.exportFolder)
                }
                KeyButton { text: qsTr("CSV"); key: "F2"; enabled: Office.orderReference.length > 0; onClicked: page.exportOrder(false) }
                KeyButton { text: qsTr("PDF"); key: "F3"; enabled: Office.orderReference.length > 0; onClicked: page.exportOrder(true) }
                KeyButton { text: qsTr("Close order"); key: "F4"; tint: Theme.danger; ink: Theme.accentText; enabled: Office.orderReference.length > 0; onClicked: page.closeOrder() }
                KeyButton { text: qsTr("Newer"); key: "Ctrl+PgUp"; onClicked: Office.pageOrders(-1) }
                KeyButton { text: qsTr("Older"); key: "Ctrl+PgDn"; onClicked: Office.pageOrders(1) }
                Label { objectName: "ordersRange"; text: Office.ordersRange; color: Theme.muted }
            }
            Label {
                text: page.closing.length > 0 ? qsTr("Press F4 again to close %1: the docks will no longer expect it").arg(page.closing) : ""
                color: Theme.danger
            }
            BackOfficeTable {
                id: ordersTable
                objectName: "ordersTable"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 260
                model: Office.orders
                onCurrentRowChanged: {
                    page.closing = ""
                    Office.chooseOrder(currentRow)
                }
            }
            Label { text: Office.orderReference.length > 0 ? qsTr("Lines of %1").arg(Office.orderReference) : ""; font.bold: true }
            BackOfficeTable {
                id: linesTable
                objectName: "orderLinesTable"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: 200
                model: Office.orderLines
            }
        }
    }

    Shortcut { sequence: "F5"; enabled: page.visible; onActivated: page.showSection(0) }
    Shortcut { sequence: "F6"; enabled: page.visible; onActivated: page.showSection(1) }
    Shortcut { sequence: "F7"; enabled: page.visible; onActivated: page.showSection(2) }
    Shortcut { sequence: "F2"; enabled: page.visible && page.section === 0 && !supplierEditor.visible; onActivated: page.editSupplier() }
    Shortcut { sequence: "F3"; enabled: page.visible && page.section === 0; onActivated: page.addSupplier() }
    Shortcut {
        sequence: "F4"
        enabled: page.visible && page.section === 0 && Office.conflict.length > 0
        onActivated: supplierEditor.load(Office.conflictCurrent)
    }
    Shortcut { sequence: "F2"; enabled: page.visible && page.section === 1; onActivated: page.editLine() }
    Shortcut { sequence: "F3"; enabled: page.visible && page.section === 1; onActivated: Office.placeOrder(expectedField.text) }
    Shortcut { sequence: "F2"; enabled: page.visible && page.section === 2 && Office.orderReference.length > 0; onActivated: page.exportOrder(false) }
    Shortcut { sequence: "F3"; enabled: page.visible && page.section === 2 && Office.orderReference.length > 0; onActivated: page.exportOrder(true) }
    Shortcut { sequence: "F4"; enabled: page.visible && page.section === 2; onActivated: page.closeOrder() }
    // Page Up/Down move within the table; with Ctrl, to the newer or older page of orders.
    Shortcut { sequence: "Ctrl+PgUp"; enabled: page.visible && page.section === 2; onActivated: Office.pageOrders(-1) }
    Shortcut { sequence: "Ctrl+PgDown"; enabled: page.visible && page.section === 2; onActivated: Office.pageOrders(1) }
}
