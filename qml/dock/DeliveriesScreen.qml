pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The expected deliveries, those still to come first and the done ones after them: pick one
// with the arrows and Enter to receive it, or F6 to receive without a delivery into the chosen
// location.
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
                delegate: DeliveryRow {
                    required property int index
                    width: deliveryView.width
                    highlighted: index === deliveryView.currentIndex
                    onClicked: screen.open(index)
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
            ChoiceBox {
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
