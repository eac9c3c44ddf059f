import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One expected delivery in the dock's list: its reference, supplier and location, and how far
// it is received in words and colour. `deliveryState` is DeliveriesModel's: a delivery still to come
// ("expected", "partial") reads as work; a done one is muted, green when complete and amber
// when some of it was refused, so the clerk sees at once which needs a word with the supplier.
ItemDelegate {
    id: row

    // DeliveriesModel's roles, by name.
    required property string reference
    required property string supplier
    required property string location
    required property int lines
    required property var expected
    required property var received
    required property var rejected
    // "expected", "partial", "complete" or "refused".
    required property string deliveryState

    readonly property bool done: row.deliveryState === "complete" || row.deliveryState === "refused"
    readonly property string statusText: {
        if (row.deliveryState === "complete")
            return qsTr("Complete · %1 of %2 received").arg(row.received).arg(row.expected)
        if (row.deliveryState === "refused")
            return qsTr("Done · %1 of %2 received, %3 refused")
                .arg(row.received).arg(row.expected).arg(row.rejected)
        return qsTr("%1 of %2 received").arg(row.received).arg(row.expected)
             + (row.rejected > 0 ? qsTr(", %1 refused").arg(row.rejected) : "")
    }
    readonly property color statusColor: row.deliveryState === "complete" ? Theme.pay
                                       : row.deliveryState === "refused" ? Theme.warning
                                       : Theme.text

    implicitHeight: Theme.rowHeight
    focusPolicy: Qt.NoFocus

    contentItem: RowLayout {
        spacing: 16
        Label {
            text: row.reference
            font.pixelSize: Theme.fontNormal
            font.bold: !row.done
            color: row.done ? Theme.muted : Theme.text
            Layout.preferredWidth: 200
        }
        Label {
            text: row.supplier
            font.pixelSize: Theme.fontNormal
            color: row.done ? Theme.muted : Theme.text
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
            objectName: "deliveryStatus"
            text: row.statusText
            color: row.statusColor
            font.pixelSize: Theme.fontNormal
            font.bold: row.done
        }
    }
}
