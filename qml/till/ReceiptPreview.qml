import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The last receipt as the printer prints it, to show the customer, print again or save.
Popup {
    id: preview

    signal done()

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 560
    height: Math.min(parent ? parent.height - 40 : 760, 760)
    padding: 16
    closePolicy: Popup.CloseOnEscape
    onClosed: done()

    property string savedTo: ""
    onOpened: savedTo = ""

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: Till.lastWasRefund ? qsTr("Refund %1").arg(Till.lastReceipt)
                                     : qsTr("Receipt %1").arg(Till.lastReceipt)
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#fffef5"
            border.color: Theme.line
            clip: true
            Flickable {
                id: paper
                anchors.fill: parent
                anchors.margins: 10
                contentHeight: receiptText.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                Text {
                    id: receiptText
                    objectName: "receiptText"
                    width: paper.width
                    text: Till.lastReceiptText
                    font.family: "DejaVu Sans Mono"
                    font.pixelSize: 14
                    color: "#222222"
                }
                ScrollBar.vertical: ScrollBar {}
            }
        }
        Label {
            visible: preview.savedTo.length > 0
            text: qsTr("Saved to %1").arg(preview.savedTo)
            font.pixelSize: Theme.fontSmall
            color: Theme.muted
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Print")
                key: "F9"
                Layout.fillWidth: true
                enabled: Till.printerConfigured
                onClicked: Till.printLastReceipt()
            }
            KeyButton {
                text: qsTr("Save PDF")
                key: "F10"
                Layout.fillWidth: true
                onClicked: preview.savedTo = Till.saveLastReceiptPdf()
            }
            KeyButton {
                text: qsTr("Close")
                key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: preview.close()
            }
        }
    }

    Shortcut {
        sequence: "F9"
        enabled: preview.opened && Till.printerConfigured
        onActivated: Till.printLastReceipt()
    }
    Shortcut {
        sequence: "F10"
        enabled: preview.opened
        onActivated: preview.savedTo = Till.saveLastReceiptPdf()
    }
}
