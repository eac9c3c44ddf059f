import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Staff from the back office: add someone (F2), give them a new PIN (F3), or stop them
// signing in (F4). The PIN goes once to the server, which keeps only its hash; every till
// gets the change with its next staff list.
ColumnLayout {
    id: page

    function activate() {}
    function refocus() { nameField.forceActiveFocus() }
    function edit(action) {
        if (Office.editStaff(action, nameField.text, roleBox.currentValue, pinField.text))
            pinField.text = ""
    }

    spacing: Theme.spacing
    GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        Label { text: qsTr("Name") }
        TextField { id: nameField; objectName: "staffName"; Layout.preferredWidth: 320; KeyNavigation.tab: roleBox }
        Label { text: qsTr("Role") }
        ComboBox {
            id: roleBox
            Layout.preferredWidth: 320
            textRole: "text"
            valueRole: "value"
            model: [{ text: qsTr("Cashier"), value: "cashier" }, { text: qsTr("Manager"), value: "manager" }]
            KeyNavigation.tab: pinField
        }
        Label { text: qsTr("PIN") }
        TextField {
            id: pinField
            objectName: "staffPin"
            Layout.preferredWidth: 320
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            placeholderText: qsTr("4 to 12 digits")
            KeyNavigation.tab: nameField
        }
    }
    RowLayout {
        spacing: Theme.spacing
        KeyButton { text: qsTr("Add"); key: "F2"; onClicked: page.edit("add") }
        KeyButton { text: qsTr("New PIN"); key: "F3"; onClicked: page.edit("pin") }
        KeyButton { text: qsTr("Deactivate"); key: "F4"; tint: Theme.danger; ink: Theme.accentText; onClicked: page.edit("deactivate") }
    }
    Item { Layout.fillHeight: true }
    Shortcut { sequence: "F2"; enabled: page.visible; onActivated: page.edit("add") }
    Shortcut { sequence: "F3"; enabled: page.visible; onActivated: page.edit("pin") }
    Shortcut { sequence: "F4"; enabled: page.visible; onActivated: page.edit("deactivate") }
}
