import QtQuick
import QtQuick.Controls
import Stockline.Qml

// Shows what went wrong, in words the clerk can act on, until it is dismissed or replaced.
Rectangle {
    id: banner

    property string message: ""

    function show(text) {
        message = text
        hideTimer.restart()
    }

    visible: message.length > 0
    color: Theme.danger
    radius: Theme.radius
    height: visible ? Math.max(Theme.touch, label.implicitHeight + 20) : 0

    Label {
        id: label
        anchors.left: parent.left
        anchors.right: dismiss.left
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 14
        text: banner.message
        color: "white"
        font.pixelSize: Theme.fontNormal
        wrapMode: Text.Wrap
    }
    Button {
        id: dismiss
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: 8
        focusPolicy: Qt.NoFocus
        implicitHeight: Theme.touch - 12
        text: qsTr("OK")
        onClicked: banner.message = ""
    }
    Timer {
        id: hideTimer
        interval: 12000
        onTriggered: banner.message = ""
    }
}
