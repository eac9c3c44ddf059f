pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Parked sales: pick one with the arrows and Enter (or touch) to ring it up again.
Item {
    id: screen

    signal done()

    function refocus() { parkedView.forceActiveFocus() }
    function resume(index) {
        const id = Till.parked.idAt(index)
        if (id > 0 && Till.resume(id))
            done()
    }

    onVisibleChanged: if (visible) { Till.parked.refresh(); refocus() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        Label {
            text: qsTr("Parked sales")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: parkedView
                objectName: "parkedView"
                anchors.fill: parent
                anchors.margins: 1
                model: Till.parked
                focus: true
                currentIndex: count > 0 ? 0 : -1
                Keys.onReturnPressed: screen.resume(currentIndex)
                Keys.onEnterPressed: screen.resume(currentIndex)
                Keys.onEscapePressed: screen.done()
                delegate: ItemDelegate {
                    id: parked
                    required property int index
                    required property var parkedId
                    required property string label
                    required property string time
                    required property string total
                    required property int lines
                    width: parkedView.width
                    implicitHeight: Theme.rowHeight
                    focusPolicy: Qt.NoFocus
                    highlighted: index === parkedView.currentIndex
                    onClicked: screen.resume(index)
                    contentItem: RowLayout {
                        spacing: 16
                        Label { text: parked.time; font.pixelSize: Theme.fontNormal; color: Theme.muted }
                        Label {
                            text: parked.label
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Label {
                            text: qsTr("%n line(s)", "", parked.lines)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.muted
                        }
                        Label { text: parked.total; font.pixelSize: Theme.fontLarge; font.bold: true }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: parkedView.count === 0
                text: qsTr("No parked sales")
                color: Theme.muted
                font.pixelSize: Theme.fontLarge
            }
        }
        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Back to sale"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: screen.done()
            }
            KeyButton {
                text: qsTr("Resume"); key: qsTr("Enter")
                Layout.fillWidth: true
                tint: Theme.pay; ink: Theme.accentText
                enabled: parkedView.count > 0
                onClicked: screen.resume(parkedView.currentIndex)
            }
        }
    }
}
