import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The manager's catalog: search (Enter), the list with cost, supplier and version, a product
// edited (Enter on the list, F2) or added (F3). A save over another manager's change shows what
// they changed; F4 takes theirs into the editor to decide again.
ColumnLayout {
    id: page

    function activate() { Office.loadCatalog(searchField.text) }
    function refocus() {
        if (editor.visible)
            editor.refocus()
        else
            searchField.forceActiveFocus()
    }
    // Qt 6.4's qmllint declares Qt.callLater a QJSValue property, not a method ("type").
    function refocusLater() {
        Qt.callLater(refocus) // qmllint disable type
    }
    function editCurrent() {
        if (table.currentRow < 0)
            return
        editor.load(Office.catalog.rowObject(table.currentRow))
        refocusLater()
    }
    function addNew() {
        editor.load({})
        refocusLater()
    }

    spacing: Theme.spacing
    RowLayout {
        spacing: Theme.spacing
        TextField {
            id: searchField
            objectName: "catalogSearch"
            Layout.preferredWidth: 420
            placeholderText: qsTr("SKU, name or barcode — Enter searches, ↓ the list")
            Keys.onReturnPressed: Office.loadCatalog(text)
            Keys.onEnterPressed: Office.loadCatalog(text)
            Keys.onDownPressed: table.forceActiveFocus()
        }
        KeyButton { text: qsTr("Edit"); key: "F2"; enabled: table.currentRow >= 0; onClicked: page.editCurrent() }
        KeyButton { text: qsTr("New product"); key: "F3"; onClicked: page.addNew() }
    }
    Rectangle {
        objectName: "catalogConflict"
        Layout.fillWidth: true
        visible: Office.conflict.length > 0
        implicitHeight: conflictRow.implicitHeight + 16
        color: Theme.warningBackground
        border.color: Theme.warning
        RowLayout {
            id: conflictRow
            anchors.fill: parent
            anchors.margins: 8
            Label {
                objectName: "catalogConflictText"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: Office.conflict
                color: Theme.text
            }
            KeyButton {
                text: qsTr("Take theirs")
                key: "F4"
                onClicked: editor.load(Office.conflictCurrent)
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.spacing
        BackOfficeTable {
            id: table
            objectName: "catalogTable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: Office.catalog
            Keys.onReturnPressed: page.editCurrent()
            Keys.onEnterPressed: page.editCurrent()
        }
        ProductEditor {
            id: editor
            objectName: "productEditor"
            Layout.preferredWidth: 420
            Layout.fillHeight: true
            visible: false
            onClosed: page.refocus()
        }
    }
    Shortcut { sequence: "F2"; enabled: page.visible && !editor.visible; onActivated: page.editCurrent() }
    Shortcut { sequence: "F3"; enabled: page.visible; onActivated: page.addNew() }
    Shortcut {
        sequence: "F4"
        enabled: page.visible && Office.conflict.length > 0
        onActivated: editor.load(Office.conflictCurrent)
    }
}
