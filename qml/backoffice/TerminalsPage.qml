import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The store's terminals: role, location, online, last seen and outbox backlog (F5 asks
// again); revoke the current one (F4, twice: it can no longer connect); a pairing code for a
// new terminal (F3), shown large to type on it.
ColumnLayout {
    id: page

    property string revoking: ""

    function activate() { Office.loadTerminals() }
    function refocus() { table.forceActiveFocus() }
    function revoke() {
        if (table.currentRow < 0)
            return
        const terminal = Office.terminals.rowObject(table.currentRow).terminal
        if (revoking !== terminal) {
            revoking = terminal
            return
        }
        revoking = ""
        Office.revokeTerminal(terminal)
    }

    spacing: Theme.spacing
    BackOfficeTable {
        id: table
        objectName: "terminalsTable"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Office.terminals
    }
    Label {
        visible: page.revoking.length > 0
        text: qsTr("Press F4 again to revoke %1").arg(page.revoking)
        color: Theme.danger
    }
    RowLayout {
        spacing: Theme.spacing
        KeyButton { text: qsTr("Refresh"); key: "F5"; onClicked: page.activate() }
        KeyButton { text: qsTr("Revoke"); key: "F4"; tint: Theme.danger; ink: Theme.accentText; onClicked: page.revoke() }
        TextField { id: newTerminal; objectName: "pairTerminal"; placeholderText: qsTr("New terminal, such as POS-07") }
        ComboBox { id: roleBox; model: ["pos", "receiving", "manager"] }
        KeyButton { text: qsTr("Pairing code"); key: "F3"; onClicked: Office.requestPairingCode(newTerminal.text, roleBox.currentText) }
        Label {
            objectName: "pairingCode"
            text: Office.pairingCode
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
    }
    Shortcut { sequence: "F5"; enabled: page.visible; onActivated: page.activate() }
    Shortcut { sequence: "F4"; enabled: page.visible; onActivated: page.revoke() }
    Shortcut {
        sequence: "F3"
        enabled: page.visible
        onActivated: Office.requestPairingCode(newTerminal.text, roleBox.currentText)
    }
}
