import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// One supplier's fields as the manager edits them; Tab moves on, Ctrl+Enter (or F12) saves,
// Esc closes without saving. `version` is what the supplier was read at: the server refuses a
// save over a newer one (0: a new supplier).
Rectangle {
    id: editor

    property int version: 0
    signal closed()

    function load(supplier) {
        version = supplier.version || 0
        idField.text = supplier.id || ""
        nameField.text = supplier.name || ""
        contactField.text = supplier.contact || ""
        leadField.text = supplier.leadTimeDays !== undefined ? String(supplier.leadTimeDays) : ""
        activeBox.checked = supplier.active !== undefined ? supplier.active : true
        visible = true
    }
    function refocus() {
        if (version === 0 && idField.text.length === 0)
            idField.forceActiveFocus()
        else
            nameField.forceActiveFocus()
    }
    function save() {
        Office.saveSupplier({ id: idField.text, name: nameField.text, contact: contactField.text,
                              leadTimeDays: leadField.text, active: activeBox.checked,
                              version: editor.version })
    }
    function close() {
        visible = false
        closed()
    }

    color: Theme.panel
    border.color: Theme.line
    radius: Theme.radius
    implicitHeight: grid.implicitHeight + 24

    Keys.onEscapePressed: close()

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: 12
        columns: 2
        columnSpacing: 8
        rowSpacing: 4

        Label {
            Layout.columnSpan: 2
            text: editor.version === 0 ? qsTr("New supplier") : qsTr("Version %1").arg(editor.version)
            font.bold: true
        }
        Label { text: qsTr("Id") }
        TextField { id: idField; objectName: "supplierId"; Layout.fillWidth: true; readOnly: editor.version > 0; KeyNavigation.tab: nameField }
        Label { text: qsTr("Name") }
        TextField { id: nameField; objectName: "supplierName"; Layout.fillWidth: true; KeyNavigation.tab: contactField }
        Label { text: qsTr("Contact") }
        TextField {
            id: contactField
            objectName: "supplierContact"
            Layout.fillWidth: true
            placeholderText: qsTr("E-mail or phone for orders")
            KeyNavigation.tab: leadField
        }
        Label { text: qsTr("Lead time (days)") }
        TextField { id: leadField; objectName: "supplierLead"; Layout.fillWidth: true; KeyNavigation.tab: activeBox }
        Label { text: qsTr("Orders") }
        CheckBox { id: activeBox; text: qsTr("Active (untick to retire)"); KeyNavigation.tab: idField.readOnly ? nameField : idField }
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
