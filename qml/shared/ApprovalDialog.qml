import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// A manager approves in place: the request, the manager's PIN, Enter. The name is needed only
// when two managers share a PIN. Esc cancels, and nothing happens.
Popup {
    id: dialog

    readonly property Approvals approvals: Till.approvals
    property alias pinField: pin

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 520
    padding: 20
    closePolicy: Popup.CloseOnEscape

    Connections {
        target: dialog.approvals
        function onPendingChanged() {
            if (dialog.approvals.pending)
                dialog.open()
            else
                dialog.close()
        }
    }

    function approve() {
        if (approvals.approve(name.text, pin.text) || !approvals.busy)
            pin.text = ""
    }

    onOpened: {
        name.text = ""
        pin.text = ""
        pin.forceActiveFocus()
    }
    // Esc or a click outside: the request is dropped.
    onClosed: if (approvals.pending) approvals.cancel()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: qsTr("Manager approval")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            objectName: "approvalRequest"
            text: dialog.approvals.request
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        TextField {
            id: pin
            objectName: "approvalPin"
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontLarge
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            validator: RegularExpressionValidator { regularExpression: /\d{0,12}/ }
            placeholderText: qsTr("Manager's PIN")
            Keys.onReturnPressed: dialog.approve()
            Keys.onEnterPressed: dialog.approve()
        }
        TextField {
            id: name
            Layout.fillWidth: true
            implicitHeight: Theme.touch
            font.pixelSize: Theme.fontNormal
            placeholderText: qsTr("Manager's name (only when asked)")
            Keys.onReturnPressed: dialog.approve()
            Keys.onEnterPressed: dialog.approve()
        }
        Label {
            objectName: "approvalError"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            text: dialog.approvals.busy ? qsTr("Checking…") : dialog.approvals.errorString
            color: dialog.approvals.busy ? Theme.muted : Theme.danger
        }
        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Cancel"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: dialog.close()
            }
            KeyButton {
                text: qsTr("Approve"); key: qsTr("Enter")
                tint: Theme.accent; ink: Theme.accentText
                Layout.fillWidth: true
                enabled: !dialog.approvals.busy
                onClicked: dialog.approve()
            }
        }
    }
}
