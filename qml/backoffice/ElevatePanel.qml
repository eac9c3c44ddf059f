import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// A manager signs in to the back office: their name and PIN, checked by the server (F10 on a
// till or dock, and the first thing on a manager terminal). Enter signs in, Esc leaves.
Rectangle {
    id: panel

    property alias staffField: staffField
    signal cancel()

    function refocus() {
        if (staffField.text.length === 0)
            staffField.forceActiveFocus()
        else
            pinField.forceActiveFocus()
    }
    function submit() {
        Office.elevate(staffField.text, pinField.text)
        pinField.text = ""
    }

    color: Theme.background
    implicitWidth: 480

    ColumnLayout {
        anchors.centerIn: parent
        width: 420
        spacing: Theme.spacing * 2

        Label {
            Layout.fillWidth: true
            text: qsTr("Back office")
            font.pixelSize: Theme.fontHuge
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.muted
            text: qsTr("A manager signs in with their name and PIN. The server checks them.")
        }
        TextField {
            id: staffField
            objectName: "elevateStaffField"
            Layout.fillWidth: true
            placeholderText: qsTr("Manager's name")
            text: Till.staff.signedIn ? Till.staff.name : ""
            Keys.onReturnPressed: pinField.forceActiveFocus()
            Keys.onEnterPressed: pinField.forceActiveFocus()
            Keys.onEscapePressed: panel.cancel()
        }
        TextField {
            id: pinField
            objectName: "elevatePinField"
            Layout.fillWidth: true
            placeholderText: qsTr("PIN")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            Keys.onReturnPressed: panel.submit()
            Keys.onEnterPressed: panel.submit()
            Keys.onEscapePressed: panel.cancel()
        }
        Label {
            objectName: "elevateMessage"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: Office.failed && text.length > 0
            color: Theme.danger
            text: Office.message
        }
        RowLayout {
            spacing: Theme.spacing
            KeyButton { text: qsTr("Sign in"); key: qsTr("Enter"); tint: Theme.accent; ink: Theme.accentText; enabled: !Office.busy; onClicked: panel.submit() }
            KeyButton { text: qsTr("Leave"); key: "Esc"; onClicked: panel.cancel() }
        }
    }
}
