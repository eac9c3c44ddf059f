pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Receiving goods: scan each item (or type "12*" before a code for twelve), and see per line
// what is expected, what was received before, what is counted now, and whether that is short
// or over. F5 types a line's quantity, F6 what is refused, F7 a note, F9 confirms, Esc drops it.
Item {
    id: screen

    property bool covered: false
    readonly property bool dialogOpen: quantityDialog.opened || rejectedDialog.opened
                                       || noteDialog.opened
    signal done()

    function refocus() { scan.forceActiveFocus() }
    function selectedRow() { return lineView.currentIndex }
    function stateColor(status) {
        return status === "overLimit" ? Theme.danger
             : status === "over" ? Theme.warning
             : status === "short" ? Theme.accent
             : status === "match" ? Theme.pay : Theme.muted
    }
    // remaining: the quantity's text without its sign ("3", "0.250 kg").
    function stateText(status, remaining) {
        return status === "overLimit" ? qsTr("%1 over — a manager approves").arg(remaining)
             : status === "over" ? qsTr("%1 over, within tolerance").arg(remaining)
             : status === "short" ? qsTr("%1 short").arg(remaining)
             : status === "match" ? qsTr("as expected")
             : status === "blind" ? "" : qsTr("not counted")
    }

    Connections {
        target: Dock.receiving
        function onLineCounted(row) { lineView.currentIndex = row }
        function onConfirmed() { screen.done() }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        Label {
            objectName: "receiveTitle"
            text: !Dock.receiving.active ? qsTr("Choose a delivery (F1), or receive without one")
                  : Dock.receiving.blind ? qsTr("Receiving without a delivery into %1").arg(Dock.receiving.location)
                  : qsTr("Delivery %1 · %2 · into %3").arg(Dock.receiving.delivery)
                        .arg(Dock.receiving.supplier).arg(Dock.receiving.location)
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Layout.fillWidth: true
            elide: Text.ElideRight
        }
        Label {
            visible: Dock.receiving.lastMessage.length > 0
            text: Dock.receiving.lastMessage
            color: Theme.pay
        }
        ScanField {
            id: scan
            objectName: "receiveScan"
            Layout.fillWidth: true
            focus: true
            enabled: !screen.covered && !screen.dialogOpen
            placeholderText: qsTr("Scan each item, or type a barcode or SKU — 12* for twelve")
            onSubmitted: (text) => scan.text = Dock.receiving.submit(text)
            onMoved: (delta) => lineView.currentIndex =
                     Math.max(0, Math.min(lineView.count - 1, lineView.currentIndex + delta))
            onEscaped: { Dock.receiving.cancel(); screen.done() }
            Keys.onPressed: (event) => {
                const actions = {
                    [Qt.Key_F5]: () => quantityDialog.ask(qsTr("Quantity received now"),
                                                          qsTr("Units accepted on this line."), ""),
                    [Qt.Key_F6]: () => rejectedDialog.ask(qsTr("Refused"),
                                                          qsTr("Damaged or wrong units: recorded on the delivery, not stocked."), ""),
                    [Qt.Key_F7]: () => noteDialog.ask(qsTr("Note"), qsTr("Sent with the receipt."),
                                                      Dock.receiving.note),
                    [Qt.Key_F9]: () => Dock.receiving.confirm()
                }
                if (actions[event.key] !== undefined && Dock.receiving.active) {
                    actions[event.key]()
                    event.accepted = true
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 1
                spacing: 0
                RowLayout {
                    Layout.fillWidth: true
                    Layout.margins: 8
                    spacing: 16
                    Label { text: qsTr("Item"); color: Theme.muted; Layout.fillWidth: true }
                    Label { text: qsTr("Expected"); color: Theme.muted; Layout.preferredWidth: 90 }
                    Label { text: qsTr("Before"); color: Theme.muted; Layout.preferredWidth: 90 }
                    Label { text: qsTr("Now"); color: Theme.muted; Layout.preferredWidth: 90 }
                    Label { text: qsTr("Refused"); color: Theme.muted; Layout.preferredWidth: 90 }
                    Label { text: ""; Layout.preferredWidth: 240 }
                }
                ListView {
                    id: lineView
                    objectName: "receiptLines"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: Dock.receiving.lines
                    currentIndex: count > 0 ? 0 : -1
                    delegate: ItemDelegate {
                        id: line
                        required property int index
                        required property string sku
                        required property string name
                        required property var expected
                        required property var before
                        required property var counted
                        required property var rejected
                        required property var remaining
                        required property string status
                        // The figures as text: "12", or "1.250 kg" of a product taken by weight.
                        required property string expectedText
                        required property string beforeText
                        required property string countedText
                        required property string rejectedText
                        required property string remainingText
                        width: lineView.width
                        implicitHeight: Theme.rowHeight
                        focusPolicy: Qt.NoFocus
                        highlighted: index === lineView.currentIndex
                        onClicked: lineView.currentIndex = index
                        contentItem: RowLayout {
                            spacing: 16
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                Label { text: line.name; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label { text: line.sku; color: Theme.muted; font.pixelSize: Theme.fontSmall }
                            }
                            Label { text: line.expected < 0 ? "—" : line.expectedText; Layout.preferredWidth: 90 }
                            Label { text: line.expected < 0 ? "—" : line.beforeText; Layout.preferredWidth: 90 }
                            Label {
                                text: line.countedText
                                font.pixelSize: Theme.fontLarge
                                font.bold: true
                                Layout.preferredWidth: 90
                            }
                            Label {
                                text: line.rejectedText
                                color: line.rejected > 0 ? Theme.danger : Theme.muted
                                Layout.preferredWidth: 90
                            }
                            Label {
                                objectName: "lineState"
                                text: screen.stateText(line.status, line.remainingText)
                                color: screen.stateColor(line.status)
                                font.bold: line.status === "over" || line.status === "overLimit"
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.preferredWidth: 240
                            }
                        }
                    }
                }
            }
        }
        Label {
            visible: Dock.receiving.note.length > 0
            text: qsTr("Note: %1").arg(Dock.receiving.note)
            color: Theme.muted
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false // as high as its buttons, though the tolerance fills it
            spacing: Theme.spacing
            enabled: Dock.receiving.active
            KeyButton { text: qsTr("Quantity"); key: "F5"; onClicked: quantityDialog.ask(qsTr("Quantity received now"), "", "") }
            KeyButton { text: qsTr("Refused"); key: "F6"; enabled: !Dock.receiving.blind; onClicked: rejectedDialog.ask(qsTr("Refused"), "", "") }
            KeyButton { text: qsTr("Note"); key: "F7"; onClicked: noteDialog.ask(qsTr("Note"), "", Dock.receiving.note) }
            KeyButton { text: qsTr("Cancel"); key: qsTr("Esc"); onClicked: { Dock.receiving.cancel(); screen.done() } }
            Label {
                objectName: "toleranceText"
                text: Dock.receiving.needsManager
                      ? qsTr("Over the %1 % tolerance: a manager approves").arg(Dock.tolerancePercent)
                      : qsTr("Tolerance %1 %").arg(Dock.tolerancePercent)
                color: Dock.receiving.needsManager ? Theme.danger : Theme.muted
                visible: !Dock.receiving.blind
                horizontalAlignment: Text.AlignRight
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                // The buttons' height: a line's height, taken from the width the text would
                // have on one line, would cut the second line off.
                Layout.fillHeight: true
                Layout.fillWidth: true
            }
            KeyButton {
                objectName: "confirmReceipt"
                text: qsTr("Confirm")
                key: "F9"
                tint: Theme.pay
                ink: Theme.accentText
                onClicked: Dock.receiving.confirm()
            }
        }
    }

    EntryDialog {
        id: quantityDialog
        onAccepted: (text) => Dock.receiving.setCounted(screen.selectedRow(), text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: rejectedDialog
        onAccepted: (text) => Dock.receiving.setRejected(screen.selectedRow(), text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: noteDialog
        onAccepted: (text) => Dock.receiving.note = text
        onClosed: screen.refocus()
    }
}
