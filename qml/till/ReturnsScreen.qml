pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Returns: scan the receipt's barcode (or type its number), choose what comes back, and
// refund it to the original tender or in cash.
Item {
    id: screen

    signal done()

    readonly property ReturnsModel returns: Till.returns
    // Set while something over the whole window has the keys (sign-in, an approval).
    property bool covered: false
    readonly property bool keysEnabled: visible && !covered

    function refocus() { receiptField.forceActiveFocus() }
    function close() {
        returns.clear()
        receiptField.text = ""
        done()
    }
    function refund(original) {
        if (Till.refund(original))
            receiptField.text = ""
    }
    function adjust(delta) {
        returns.adjust(linesView.currentIndex, delta)
    }

    onVisibleChanged: if (visible) refocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: receiptField
                objectName: "receiptField"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("Scan the receipt's barcode or type its number")
                Keys.onReturnPressed: screen.returns.load(text)
                Keys.onEnterPressed: screen.returns.load(text)
                Keys.onEscapePressed: screen.close()
                Keys.onUpPressed: linesView.decrementCurrentIndex()
                Keys.onDownPressed: linesView.incrementCurrentIndex()
            }
            KeyButton {
                text: qsTr("Find")
                key: qsTr("Enter")
                onClicked: screen.returns.load(receiptField.text)
            }
        }

        Label {
            text: screen.returns.loaded
                  ? qsTr("Sale %1 · %2 · %3").arg(screen.returns.receipt)
                        .arg(screen.returns.soldText).arg(screen.returns.paidWithText)
                  : screen.returns.fetching
                    ? qsTr("Asking the server for this receipt…")
                    : qsTr("Receipts of this till, or of any till while the server can be reached.")
            font.pixelSize: Theme.fontNormal
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: linesView
                anchors.fill: parent
                anchors.margins: 1
                model: screen.returns
                currentIndex: count > 0 ? 0 : -1
                delegate: ItemDelegate {
                    id: line
                    required property int index
                    required property string name
                    required property int sold
                    required property int returned
                    required property int returnable
                    required property int chosen
                    required property string amount
                    required property string unitPrice
                    // "3" or "0.532 kg"; a weighed line (measured) goes back whole or not at all.
                    required property string soldText
                    required property string returnedText
                    required property string returnableText
                    required property string chosenText
                    required property bool measured
                    width: linesView.width
                    implicitHeight: Theme.rowHeight + 10
                    focusPolicy: Qt.NoFocus
                    highlighted: index === linesView.currentIndex
                    onClicked: {
                        linesView.currentIndex = index
                        screen.returns.toggle(index)
                        screen.refocus()
                    }
                    contentItem: RowLayout {
                        spacing: 12
                        Rectangle {
                            implicitWidth: 28
                            implicitHeight: 28
                            radius: 4
                            border.color: Theme.accent
                            border.width: 2
                            color: line.chosen > 0 ? Theme.accent : "transparent"
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 200
                            Label {
                                text: line.name
                                font.pixelSize: Theme.fontNormal
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: qsTr("sold %1 at %2 · returned before %3")
                                          .arg(line.soldText).arg(line.unitPrice).arg(line.returnedText)
                                font.pixelSize: Theme.fontSmall
                                color: Theme.muted
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        Button {
                            text: "−"
                            focusPolicy: Qt.NoFocus
                            implicitWidth: Theme.touch
                            implicitHeight: Theme.touch - 8
                            enabled: line.chosen > 0
                            onClicked: screen.returns.setChosen(line.index,
                                                                line.measured ? 0 : line.chosen - 1)
                        }
                        Label {
                            text: qsTr("%1 of %2").arg(line.chosenText).arg(line.returnableText)
                            font.pixelSize: Theme.fontLarge
                            horizontalAlignment: Text.AlignHCenter
                            Layout.preferredWidth: 90
                        }
                        Button {
                            text: "+"
                            focusPolicy: Qt.NoFocus
                            implicitWidth: Theme.touch
                            implicitHeight: Theme.touch - 8
                            enabled: line.chosen < line.returnable
                            onClicked: screen.returns.setChosen(line.index, line.measured
                                                                ? line.returnable : line.chosen + 1)
                        }
                        Label {
                            text: line.amount
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            horizontalAlignment: Text.AlignRight
                            Layout.preferredWidth: 120
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: !screen.returns.loaded
                text: qsTr("Scan a receipt to start a return")
                color: Theme.muted
                font.pixelSize: Theme.fontLarge
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KeyButton {
                text: qsTr("Choose line"); key: "F2"
                enabled: screen.returns.loaded
                onClicked: screen.returns.toggle(linesView.currentIndex)
            }
            KeyButton {
                text: qsTr("One less"); key: "F3"
                enabled: screen.returns.loaded
                onClicked: screen.adjust(-1)
            }
            KeyButton {
                text: qsTr("One more"); key: "F4"
                enabled: screen.returns.loaded
                onClicked: screen.adjust(1)
            }
            KeyButton {
                text: qsTr("Everything"); key: "F5"
                enabled: screen.returns.loaded
                onClicked: screen.returns.chooseAll()
            }
            Label {
                objectName: "refundTotal"
                text: qsTr("Refund %1").arg(screen.returns.refundTotalText)
                font.pixelSize: Theme.fontHuge
                font.bold: true
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KeyButton {
                text: qsTr("Back to sale"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: screen.close()
            }
            KeyButton {
                text: qsTr("Refund in cash"); key: "F11"
                Layout.fillWidth: true
                enabled: screen.returns.anyChosen
                onClicked: screen.refund(false)
            }
            KeyButton {
                text: qsTr("Refund to original tender"); key: "F12"
                Layout.fillWidth: true
                tint: Theme.pay; ink: Theme.accentText
                enabled: screen.returns.anyChosen
                onClicked: screen.refund(true)
            }
        }
    }

    Shortcut { sequence: "F2"; enabled: screen.keysEnabled; onActivated: screen.returns.toggle(linesView.currentIndex) }
    Shortcut { sequence: "F3"; enabled: screen.keysEnabled; onActivated: screen.adjust(-1) }
    Shortcut { sequence: "F4"; enabled: screen.keysEnabled; onActivated: screen.adjust(1) }
    Shortcut { sequence: "F5"; enabled: screen.keysEnabled; onActivated: screen.returns.chooseAll() }
    Shortcut { sequence: "F11"; enabled: screen.keysEnabled; onActivated: screen.refund(false) }
    Shortcut { sequence: "F12"; enabled: screen.keysEnabled; onActivated: screen.refund(true) }
}
