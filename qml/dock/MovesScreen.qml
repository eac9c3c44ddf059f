import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Moving stock: a transfer between two locations (F9), or an adjustment with its reason —
// damage and shrinkage take units off, found puts them back (F10). Scan or type the item;
// Tab moves between the fields, Enter in a quantity books it.
Item {
    id: screen

    property bool covered: false

    function refocus() { transferCode.forceActiveFocus() }
    function transfer() {
        if (Dock.moves.transfer(transferCode.text, from.currentText, to.currentText, transferQty.text)) {
            transferCode.text = ""
            transferQty.text = ""
            transferCode.forceActiveFocus()
        }
    }
    function adjust() {
        if (Dock.moves.adjust(adjustCode.text, adjustLocation.currentText,
                              Dock.moves.reasons[reason.currentIndex], adjustQty.text, note.text)) {
            adjustCode.text = ""
            adjustQty.text = ""
            note.text = ""
            adjustCode.forceActiveFocus()
        }
    }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_F9) { screen.transfer(); event.accepted = true }
        else if (event.key === Qt.Key_F10) { screen.adjust(); event.accepted = true }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 16
        enabled: !screen.covered

        Label {
            visible: Dock.moves.lastMessage.length > 0
            objectName: "movesMessage"
            text: Dock.moves.lastMessage
            color: Theme.pay
        }

        GroupBox {
            title: qsTr("Transfer between locations")
            Layout.fillWidth: true
            font.pixelSize: Theme.fontNormal
            GridLayout {
                anchors.fill: parent
                columns: 4
                columnSpacing: Theme.spacing
                Label { text: qsTr("Item") }
                TextField {
                    id: transferCode
                    objectName: "transferCode"
                    implicitHeight: Theme.touch
                    placeholderText: qsTr("Scan, or type a barcode or SKU")
                    Layout.fillWidth: true
                    Layout.columnSpan: 3
                    KeyNavigation.tab: transferQty
                }
                Label { text: qsTr("From") }
                ChoiceBox {
                    id: from
                    objectName: "transferFrom"
                    focusPolicy: Qt.NoFocus
                    model: Dock.locations
                    currentIndex: Dock.otherLocationIndex
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                }
                Label { text: qsTr("To") }
                ChoiceBox {
                    id: to
                    objectName: "transferTo"
                    focusPolicy: Qt.NoFocus
                    model: Dock.locations
                    currentIndex: Dock.locationIndex
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Units") }
                TextField {
                    id: transferQty
                    objectName: "transferQty"
                    implicitHeight: Theme.touch
                    inputMethodHints: Qt.ImhDigitsOnly
                    Layout.fillWidth: true
                    KeyNavigation.tab: adjustCode
                    Keys.onReturnPressed: screen.transfer()
                    Keys.onEnterPressed: screen.transfer()
                }
                Item { Layout.fillWidth: true }
                KeyButton {
                    text: qsTr("Transfer")
                    key: "F9"
                    tint: Theme.accent
                    ink: Theme.accentText
                    onClicked: screen.transfer()
                }
            }
        }

        GroupBox {
            title: qsTr("Adjust stock")
            Layout.fillWidth: true
            font.pixelSize: Theme.fontNormal
            GridLayout {
                anchors.fill: parent
                columns: 4
                columnSpacing: Theme.spacing
                Label { text: qsTr("Item") }
                TextField {
                    id: adjustCode
                    objectName: "adjustCode"
                    implicitHeight: Theme.touch
                    placeholderText: qsTr("Scan, or type a barcode or SKU")
                    Layout.fillWidth: true
                    Layout.columnSpan: 3
                    KeyNavigation.tab: adjustQty
                }
                Label { text: qsTr("At") }
                ChoiceBox {
                    id: adjustLocation
                    objectName: "adjustLocation"
                    focusPolicy: Qt.NoFocus
                    model: Dock.locations
                    currentIndex: Dock.locationIndex
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Why") }
                ChoiceBox {
                    id: reason
                    objectName: "adjustReason"
                    focusPolicy: Qt.NoFocus
                    model: [qsTr("Damage (units off)"), qsTr("Shrinkage (units off)"), qsTr("Found (units on)")]
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Units") }
                TextField {
                    id: adjustQty
                    objectName: "adjustQty"
                    implicitHeight: Theme.touch
                    inputMethodHints: Qt.ImhDigitsOnly
                    Layout.fillWidth: true
                    KeyNavigation.tab: note
                    Keys.onReturnPressed: screen.adjust()
                    Keys.onEnterPressed: screen.adjust()
                }
                Label { text: qsTr("Note") }
                TextField {
                    id: note
                    objectName: "adjustNote"
                    implicitHeight: Theme.touch
                    Layout.fillWidth: true
                    KeyNavigation.tab: transferCode
                    Keys.onReturnPressed: screen.adjust()
                    Keys.onEnterPressed: screen.adjust()
                }
                Item { Layout.fillWidth: true; Layout.columnSpan: 3 }
                KeyButton {
                    text: qsTr("Adjust")
                    key: "F10"
                    tint: Theme.accent
                    ink: Theme.accentText
                    onClicked: screen.adjust()
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
