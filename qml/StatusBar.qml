import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Pos

// Who and where this till is, and whether the server confirms stock.
ToolBar {
    id: bar

    property string screenTitle: ""

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
            text: Till.lastReceipt.length > 0 ? qsTr("Last receipt %1").arg(Till.lastReceipt) : ""
            color: "#c9d1d9"
            font.pixelSize: Theme.fontSmall
        }
        Rectangle {
            radius: 4
            color: Sync.online ? Theme.pay : Theme.warning
            implicitWidth: syncLabel.implicitWidth + 16
            implicitHeight: 28
            Label {
                id: syncLabel
                anchors.centerIn: parent
                color: "white"
                font.pixelSize: Theme.fontSmall
                font.bold: true
                text: Sync.online ? qsTr("Online")
                                  : Sync.message.length > 0 ? qsTr("Offline: %1").arg(Sync.message)
                                                            : qsTr("Offline — sales are queued")
            }
        }
    }
}
