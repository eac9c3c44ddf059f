pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Any ReportModel as a table with its headers, a current row moved with Up/Down (Page Up/Down
// by ten) and, when the model has totals, a totals row. Figures are right-aligned.
ColumnLayout {
    id: table

    property ReportModel model
    property int currentRow: -1
    readonly property int columnWidth: Math.max(110, (width - 8) / Math.max(1, table.model ? table.model.labels.length : 1))

    function move(by) {
        if (!table.model || table.model.count === 0) {
            currentRow = -1
            return
        }
        currentRow = Math.max(0, Math.min(table.model.count - 1, currentRow + by))
        view.positionViewAtRow(currentRow, TableView.Contain)
    }

    spacing: 0
    Keys.onUpPressed: move(-1)
    Keys.onDownPressed: move(1)
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_PageUp) { move(-10); event.accepted = true }
        else if (event.key === Qt.Key_PageDown) { move(10); event.accepted = true }
    }

    Connections {
        target: table.model
        function onChanged() {
            table.currentRow = table.model.count > 0 ? Math.min(Math.max(0, table.currentRow), table.model.count - 1) : -1
        }
    }

    Row {
        Layout.fillWidth: true
        Repeater {
            model: table.model ? table.model.labels : []
            delegate: Label {
                required property string modelData
                width: table.columnWidth
                padding: 6
                text: modelData
                font.bold: true
                color: Theme.muted
                elide: Text.ElideRight
            }
        }
    }
    TableView {
        id: view
        objectName: "backOfficeTableView"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: table.model
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: () => table.columnWidth
        delegate: Rectangle {
            id: cell
            required property string display
            required property bool numeric
            required property int row
            implicitHeight: 40
            color: row === table.currentRow ? Theme.selection : (row % 2 ? Theme.background : Theme.panel)
            Label {
                anchors.fill: parent
                anchors.margins: 6
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: cell.numeric ? Text.AlignRight : Text.AlignLeft
                text: cell.display
                elide: Text.ElideRight
            }
            TapHandler { onTapped: table.currentRow = cell.row }
        }
    }
    Row {
        Layout.fillWidth: true
        visible: table.model !== null && table.model.totals.length > 0
        Repeater {
            model: table.model ? table.model.totals : []
            delegate: Label {
                required property string modelData
                required property int index
                width: table.columnWidth
                padding: 6
                text: modelData
                font.bold: true
                horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
            }
        }
    }
}
