pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Pos

// The open expected deliveries: pick one with the arrows and Enter to receive it, or F6 to
// receive without a delivery into the chosen location.
Item {
    id: screen

    property bool covered: false
    signal receive()

    function refocus() { deliveryView.forceActiveFocus() }
    function open(index) {
        const reference = Dock.deliveries.referenceAt(index)
        if (reference.length > 0 && Dock.receiving.start(reference))
            receive()
    }
    function openBlind() {
        if (Dock.receiving.startBlind(blindLocation.currentText))
            receive()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        Label {
            text: qsTr("Expected deliveries")
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
                id: deliveryView
                objectName: "deliveryView"
                anchors.fill: parent
                anchors.margins: 1
                model: Dock.deliveries
                focus: true
                enabled: !screen.covered
                currentIndex: count > 0 ? 0 : -1
                Keys.onReturnPressed: screen.open(currentIndex)
                Keys.onEnterPressed: screen.open(currentIndex)
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_F6) {
                        screen.openBlind()
                        event.accepted = true
                    }
                }
                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property string reference
                    required property string supplier
                    required property string location
                    required property int lines
                    required property var expected
                    required property var received
                    required property var rejected
                    width: deliveryView.width
                    implicitHeight: Theme.rowHeight
                    focusPolicy: Qt.NoFocus
                    highlighted: index === deliveryView.currentIndex
                    onClicked: screen.open(index)
                    contentItem: RowLayout {
                        spacing: 16
                        Label {
                            text: row.reference
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                            Layout.preferredWidth: 200
                        }
                        Label {
                            text: row.supplier
                            font.pixelSize: Theme.fontNormal
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Label { text: row.location; color: Theme.muted }
                        Label {
                            text: qsTr("%n line(s)", "", row.lines)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.muted
                        }
                        Label {
                            text: qsTr("%1 of %2 received").arg(row.received).arg(row.expected)
                                  + (row.rejected > 0 ? qsTr(", %1 refused").arg(row.rejected) : "")
                            font.pixelSize: Theme.fontNormal
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: deliveryView.count === 0
                    text: qsTr("No expected deliveries are open. Receive without a delivery with F6.")
                    color: Theme.muted
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Without a delivery, into") }
            ComboBox {
                id: blindLocation
                objectName: "blindLocation"
                focusPolicy: Qt.NoFocus
                model: Dock.locations
                currentIndex: Dock.locationIndex
                implicitHeight: Theme.touch
                Layout.preferredWidth: 240
            }
            KeyButton {
                text: qsTr("Receive without a delivery")
                key: "F6"
                onClicked: screen.openBlind()
            }
            Item { Layout.fillWidth: true }
            KeyButton {
                text: qsTr("Receive")
                key: qsTr("Enter")
                tint: Theme.accent
                ink: Theme.accentText
                enabled: deliveryView.currentIndex >= 0
                onClicked: screen.open(deliveryView.currentIndex)
            }
        }
    }
}
