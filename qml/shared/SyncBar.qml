import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Always at the bottom of every screen: whether the server confirms stock, what this till
// still has to send and for how long, and the way to the sync problems.
ToolBar {
    id: bar

    // What the bar says beside the state; the dock says it in its own words. `offlineText`
    // follows the sync client's reason for being offline, which names no kind of work.
    property string localText: qsTr("Sales are kept on this till and marked offline.")
    property string onlineText: qsTr("Stock is held for each line as it is scanned.")
    property string connectingText:
        qsTr("Connecting to the server… Keep selling: sales are kept and sent later.")
    property string offlineText: qsTr("Sales are kept on this till and sent when it is back.")

    signal openProblems()

    background: Rectangle {
        color: Sync.online ? "#eaf5ec" : Theme.warningBackground
        Rectangle {
            width: parent.width
            height: 1
            color: Theme.line
        }
    }
    // Two lines when the reason and what is kept do not fit on one: cut off, the line would
    // hide the half that tells staff to carry on.
    implicitHeight: Math.max(44, syncText.implicitHeight + 14)

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 8
        spacing: 14
        Rectangle {
            objectName: "syncState"
            radius: 4
            color: Sync.online ? Theme.pay : Theme.warning
            implicitWidth: stateLabel.implicitWidth + 16
            implicitHeight: 28
            Label {
                id: stateLabel
                anchors.centerIn: parent
                color: "white"
                font.pixelSize: Theme.fontSmall
                font.bold: true
                text: Sync.stateText
            }
        }
        Label {
            objectName: "syncPending"
            text: Sync.pendingText
            font.pixelSize: Theme.fontSmall
            font.bold: !Sync.allSent
            color: Theme.text
        }
        Label {
            objectName: "syncStore"
            text: Sync.storeText
            font.pixelSize: Theme.fontSmall
            color: Theme.text
        }
        Label {
            id: syncText
            objectName: "syncText"
            text: !Sync.configured ? bar.localText
                : Sync.online ? bar.onlineText
                : Sync.message.length > 0 ? qsTr("%1 %2").arg(Sync.message).arg(bar.offlineText)
                : bar.connectingText
            font.pixelSize: Theme.fontSmall
            color: Theme.muted
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Button {
            objectName: "syncProblemsButton"
            focusPolicy: Qt.NoFocus
            implicitHeight: 36
            font.pixelSize: Theme.fontSmall
            font.bold: Sync.problems.count > 0
            text: Sync.problems.count > 0 ? qsTr("Sync problems (%1) · F11").arg(Sync.problems.count)
                                          : qsTr("Sync problems · F11")
            palette.buttonText: Sync.problems.count > 0 ? Theme.danger : Theme.text
            onClicked: bar.openProblems()
        }
    }
}
