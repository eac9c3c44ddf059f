pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Taking the money: cash with quick tenders and change, card with its slip's reference, or
// both. The sale is recorded the moment it is paid, and the next customer starts.
Rectangle {
    id: panel

    function refocus() { amount.forceActiveFocus() }
    function quick(i) {
        const tenders = Till.payment.quickTenders
        if (i < tenders.length)
            Till.tenderCashMinor(tenders[i].minor)
    }
    function card() {
        cardDialog.ask(qsTr("Card payment of %1").arg(amount.text.length > 0
                                                          ? amount.text
                                                          : Till.payment.remainingText),
                       qsTr("The reference on the card terminal's slip"), "")
    }

    color: "#99000000"
    property bool covered: false // something over the whole window has the keys
    readonly property bool keysEnabled: visible && !cardDialog.opened && !covered

    onVisibleChanged: {
        amount.text = ""
        if (visible)
            refocus()
    }

    MouseArea { anchors.fill: parent } // nothing under the panel reacts while paying

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 900)
        height: Math.min(parent.height - 40, content.implicitHeight + 40)
        radius: Theme.radius
        color: Theme.panel

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: 20
            spacing: 12

            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    Label { text: qsTr("To pay"); font.pixelSize: Theme.fontNormal; color: Theme.muted }
                    Label {
                        objectName: "remainingLabel"
                        text: Till.payment.remainingText
                        font.pixelSize: Theme.fontHuge * 1.4
                        font.bold: true
                    }
                }
                Item { Layout.fillWidth: true }
                ColumnLayout {
                    Label {
                        text: qsTr("Total %1").arg(Till.payment.dueText)
                        font.pixelSize: Theme.fontNormal
                        Layout.alignment: Qt.AlignRight
                    }
                    Label {
                        text: qsTr("Paid %1").arg(Till.payment.paidText)
                        font.pixelSize: Theme.fontNormal
                        Layout.alignment: Qt.AlignRight
                    }
                }
            }

            TextField {
                id: amount
                objectName: "amountField"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("Cash received — Enter with nothing typed takes it exact")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                Keys.onReturnPressed: { Till.tenderCash(text); text = "" }
                Keys.onEnterPressed: { Till.tenderCash(text); text = "" }
                Keys.onEscapePressed: Till.cancelPayment()
            }

            Label { text: qsTr("Cash"); font.pixelSize: Theme.fontNormal; color: Theme.muted }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: Till.payment.quickTenders
                    KeyButton {
                        required property int index
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: Theme.touch * 1.3
                        font.pixelSize: Theme.fontLarge
                        text: index === 0 ? qsTr("Exact %1").arg(modelData.label) : modelData.label
                        key: "F" + (index + 1)
                        tint: index === 0 ? Theme.pay : Theme.panel
                        ink: index === 0 ? Theme.accentText : Theme.text
                        onClicked: panel.quick(index)
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KeyButton {
                    objectName: "cardButton"
                    text: qsTr("Card")
                    key: "F11"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch * 1.3
                    font.pixelSize: Theme.fontLarge
                    tint: Theme.accent; ink: Theme.accentText
                    onClicked: panel.card()
                }
                KeyButton {
                    text: qsTr("Back to sale")
                    key: qsTr("Esc")
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch * 1.3
                    onClicked: Till.cancelPayment()
                }
            }

            ListView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(contentHeight, 160)
                visible: count > 0
                model: Till.payment
                interactive: false
                delegate: RowLayout {
                    id: tender
                    required property int index
                    required property string methodText
                    required property string amount
                    required property string reference
                    width: ListView.view.width
                    height: 40
                    Label {
                        text: tender.reference.length > 0
                              ? qsTr("%1 (%2)").arg(tender.methodText).arg(tender.reference)
                              : tender.methodText
                        font.pixelSize: Theme.fontNormal
                        Layout.fillWidth: true
                    }
                    Label { text: tender.amount; font.pixelSize: Theme.fontNormal; font.bold: true }
                    Button {
                        text: qsTr("Remove")
                        focusPolicy: Qt.NoFocus
                        onClicked: Till.removeTender(tender.index)
                    }
                }
            }
        }
    }

    Shortcut { sequence: "F1"; enabled: panel.keysEnabled; onActivated: panel.quick(0) }
    Shortcut { sequence: "F2"; enabled: panel.keysEnabled; onActivated: panel.quick(1) }
    Shortcut { sequence: "F3"; enabled: panel.keysEnabled; onActivated: panel.quick(2) }
    Shortcut { sequence: "F4"; enabled: panel.keysEnabled; onActivated: panel.quick(3) }
    Shortcut { sequence: "F5"; enabled: panel.keysEnabled; onActivated: panel.quick(4) }
    Shortcut { sequence: "F11"; enabled: panel.keysEnabled; onActivated: panel.card() }

    EntryDialog {
        id: cardDialog
        property string typedAmount: ""
        onAboutToShow: typedAmount = amount.text
        onAccepted: (text) => {
            if (Till.tenderCard(typedAmount, text))
                amount.text = ""
        }
        onClosed: panel.refocus()
    }
}
