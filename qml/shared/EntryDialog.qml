import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Asks for one value (a quantity, a discount, a reference): Enter accepts, Esc cancels.
Popup {
    id: dialog

    property string title: ""
    property string hint: ""
    property alias text: input.text
    signal accepted(string text)

    function ask(newTitle, newHint, initial) {
        title = newTitle
        hint = newHint
        input.text = initial === undefined ? "" : initial
        open()
    }

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 460
    padding: 20
    closePolicy: Popup.CloseOnEscape

    onOpened: {
        input.forceActiveFocus()
        input.selectAll()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: dialog.title
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            text: dialog.hint
            visible: text.length > 0
            color: Theme.muted
            font.pixelSize: Theme.fontSmall
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        TextField {
            id: input
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            Keys.onReturnPressed: dialog.accept()
            Keys.onEnterPressed: dialog.accept()
        }
        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Cancel")
                key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: dialog.close()
            }
            KeyButton {
                text: qsTr("OK")
                key: qsTr("Enter")
                tint: Theme.accent
                ink: Theme.accentText
                Layout.fillWidth: true
                onClicked: dialog.accept()
            }
        }
    }

    function accept() {
        const value = input.text
        close()
        accepted(value)
    }
}
