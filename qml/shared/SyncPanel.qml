pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// What the server refused of this till's changes, and the store's open shortage exceptions,
// each with what to do about it.
Popup {
    id: panel

    signal done()

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 80 : 900, 900)
    height: Math.min(parent ? parent.height - 60 : 640, 640)
    padding: 16
    closePolicy: Popup.CloseOnEscape
    onClosed: done()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: qsTr("Sync problems")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 · %2").arg(Sync.stateText).arg(Sync.pendingText)
                  + (Sync.message.length > 0 && !Sync.online ? " — " + Sync.message : "")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.muted
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: list
                objectName: "syncProblemsView"
                anchors.fill: parent
                anchors.margins: 1
                model: Sync.problems
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    id: item
                    required property int index
                    required property string kind
                    required property string title
                    required property string detail
                    required property string advice
                    width: list.width
                    implicitHeight: column.implicitHeight + 20
                    color: index % 2 ? "#fafbfc" : Theme.panel
                    ColumnLayout {
                        id: column
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.margins: 12
                        spacing: 3
                        Label {
                            Layout.fillWidth: true
                            text: (item.kind === "shortage" ? qsTr("Shortage") : qsTr("Refused"))
                                  + " · " + item.title
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            color: item.kind === "shortage" ? Theme.warning : Theme.danger
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("What to do: %1").arg(item.advice)
                            font.pixelSize: Theme.fontNormal
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: item.detail
                            font.pixelSize: Theme.fontSmall
                            color: Theme.muted
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nothing to act on.")
                color: Theme.muted
                font.pixelSize: Theme.fontLarge
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KeyButton {
                text: qsTr("Clear refusals"); key: qsTr("Del")
                enabled: Sync.problems.rejectionCount > 0
                onClicked: Sync.problems.clearRejections()
            }
            Item { Layout.fillWidth: true }
            KeyButton {
                text: qsTr("Close"); key: qsTr("Esc")
                onClicked: panel.close()
            }
        }
    }

    Shortcut {
        sequence: "Delete"; enabled: panel.opened && Sync.problems.rejectionCount > 0
        onActivated: Sync.problems.clearRejections()
    }
}
