import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Live today: takings so far, receipts and average basket against the same weekday last
// week (the server's `today` report). F5 asks again.
ColumnLayout {
    id: page

    function activate() {
        const today = Qt.formatDate(new Date(), "yyyy-MM-dd")
        Office.loadReport("today", "", today, today)
    }
    function refocus() { table.forceActiveFocus() }

    spacing: Theme.spacing
    Label {
        text: Office.report.title.length > 0 ? Office.report.title : qsTr("Today")
        font.pixelSize: Theme.fontLarge
        font.bold: true
    }
    BackOfficeTable {
        id: table
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Office.report
        focus: true
    }
    KeyButton { text: qsTr("Refresh"); key: "F5"; onClicked: page.activate() }
    Shortcut { sequence: "F5"; enabled: page.visible; onActivated: page.activate() }
}
