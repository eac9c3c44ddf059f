import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// One cart line: name and note, quantity × price and tax, discount, its amount, and what
// the store has.
ItemDelegate {
    id: row

    required property int index
    required property string name
    required property string note
    required property int quantity
    required property string quantityText // "3", or "0.532 kg" of a weighed line
    required property string unitPrice
    required property string discount
    required property string amount
    required property string tax
    required property string taxRate
    required property int available
    required property int hold
    required property string holdText
    property bool selected: false

    focusPolicy: Qt.NoFocus
    implicitHeight: Theme.rowHeight + (note.length > 0 ? 14 : 0)
    background: Rectangle {
        color: row.selected ? Theme.selection : (row.index % 2 ? "#fafbfc" : Theme.panel)
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.line
        }
    }

    contentItem: RowLayout {
        spacing: 12
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 1
            Label {
                text: row.name
                font.pixelSize: Theme.fontNormal
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                visible: row.note.length > 0
                text: row.note
                font.pixelSize: Theme.fontSmall
                color: Theme.muted
            }
            RowLayout {
                spacing: 10
                Label {
                    text: row.available < 0 ? qsTr("stock not known")
                                            : qsTr("%n available here", "", row.available)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                }
                // CartModel.Hold: Unconfirmed 0, Held 1, Short 2, Offline 3
                Label {
                    text: row.holdText
                    font.pixelSize: Theme.fontSmall
                    leftPadding: 6
                    rightPadding: 6
                    topPadding: 2
                    bottomPadding: 2
                    color: row.hold === 1 ? Theme.pay : row.hold === 2 ? Theme.danger
                                                                       : Theme.warning
                    background: Rectangle {
                        radius: 4
                        color: row.hold === 1 ? "#dafbe1" : row.hold === 2 ? "#ffebe9"
                                                                           : Theme.warningBackground
                    }
                }
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 170
            spacing: 1
            Label {
                text: qsTr("%1 × %2").arg(row.quantityText).arg(row.unitPrice)
                font.pixelSize: Theme.fontNormal
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("tax %1: %2").arg(row.taxRate).arg(row.tax)
                font.pixelSize: Theme.fontSmall
                color: Theme.muted
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
            }
        }
        Label {
            text: row.discount
            color: Theme.danger
            font.pixelSize: Theme.fontNormal
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: 90
        }
        // The line as the shelf prices it: with VAT inside where prices include it, else its net
        // (the tax then comes on top in the totals).
        Label {
            text: row.amount
            font.pixelSize: Theme.fontLarge
            font.bold: true
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: 120
        }
    }
}
