import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Who and where this terminal is, and what screen it shows. The sync bar is at the bottom.
ToolBar {
    id: bar

    property string screenTitle: ""
    // What this terminal did last, at the right; the dock names its last booking instead.
    property string lastText: Till.lastReceipt.length > 0 ? qsTr("Last receipt %1").arg(Till.lastReceipt)
                                                          : ""
    signal signOut()

    background: Rectangle { color: Theme.text }
    implicitHeight: 44

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 14
        spacing: 18
        Label {
            text: Till.storeName
            color: "white"
            font.pixelSize: Theme.fontNormal
            font.bold: true
        }
        Label {
            objectName: "terminalText"
            text: qsTr("Terminal %1 · %2").arg(Till.terminal).arg(Till.location)
            color: "#c9d1d9"
            font.pixelSize: Theme.fontSmall
        }
        Label {
            text: bar.screenTitle
            color: "white"
            font.pixelSize: Theme.fontNormal
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            objectName: "lastText"
            text: bar.lastText
            color: "#c9d1d9"
            font.pixelSize: Theme.fontSmall
        }
        Label {
            objectName: "signedInAs"
            visible: Till.staff.signedIn
            text: Till.staff.manager ? qsTr("%1 · manager").arg(Till.staff.name) : Till.staff.name
            color: "white"
            font.pixelSize: Theme.fontNormal
        }
        ToolButton {
            objectName: "changeSetup"
            visible: Till.setupChangeable && Till.staff.signedIn
            focusPolicy: Qt.NoFocus
            text: qsTr("Terminal setup")
            font.pixelSize: Theme.fontSmall
            palette.buttonText: "white"
            onClicked: Till.changeSetup()
        }
        ToolButton {
            visible: Till.staff.signedIn
            focusPolicy: Qt.NoFocus
            text: qsTr("Sign out (Ctrl+L)")
            font.pixelSize: Theme.fontSmall
            palette.buttonText: "white"
            onClicked: bar.signOut()
        }
    }
}
