import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Any report the server answers (sync/PROTOCOL.md, `report`) for a date range: a table and a
// chart of whatever columns it has, saved as CSV (Ctrl+S) or PDF (Ctrl+P) to the path typed.
// F5 runs it; Tab moves between the choices.
ColumnLayout {
    id: page

    function activate() {}
    function refocus() { reportBox.forceActiveFocus() }
    function run() {
        Office.loadReport(reportBox.currentValue, byBox.currentValue, fromField.text, toField.text)
    }
    function exportTo(kind) {
        const path = pathField.text + "." + kind
        const ok = kind === "csv" ? Office.report.exportCsv(path) : Office.report.exportPdf(path)
        exportMessage.text = ok ? qsTr("Saved %1").arg(path) : Office.report.lastError()
    }

    spacing: Theme.spacing
    RowLayout {
        spacing: Theme.spacing
        ComboBox {
            id: reportBox
            objectName: "reportBox"
            model: Office.reportChoices
            textRole: "label"
            valueRole: "key"
            KeyNavigation.tab: byBox
        }
        ComboBox {
            id: byBox
            objectName: "reportByBox"
            model: Office.groupingChoices
            textRole: "label"
            valueRole: "key"
            currentIndex: 1
            enabled: reportBox.currentValue === "sales"
            KeyNavigation.tab: fromField
        }
        TextField {
            id: fromField
            objectName: "reportFrom"
            placeholderText: qsTr("From (2026-12-01)")
            text: Qt.formatDate(new Date(Date.now() - 6 * 86400000), "yyyy-MM-dd")
            KeyNavigation.tab: toField
            Keys.onReturnPressed: page.run()
        }
        TextField {
            id: toField
            objectName: "reportTo"
            placeholderText: qsTr("To")
            text: Qt.formatDate(new Date(), "yyyy-MM-dd")
            KeyNavigation.tab: pathField
            Keys.onReturnPressed: page.run()
        }
        KeyButton { text: qsTr("Run"); key: "F5"; onClicked: page.run() }
    }
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.spacing
        BackOfficeTable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: Office.report
        }
        Loader {
            Layout.preferredWidth: parent.width * 0.4
            Layout.fillHeight: true
            active: Office.chartsAvailable && page.visible
            visible: active
            source: "ReportChart.qml"
            onLoaded: item.model = Office.report
        }
    }
    RowLayout {
        spacing: Theme.spacing
        TextField {
            id: pathField
            objectName: "reportPath"
            Layout.preferredWidth: 420
            placeholderText: qsTr("Save as (path without .csv or .pdf)")
            text: Office.exportFolder + "/" + reportBox.currentValue
            KeyNavigation.tab: reportBox
        }
        KeyButton { text: qsTr("Save CSV"); key: "Ctrl+S"; onClicked: page.exportTo("csv") }
        KeyButton { text: qsTr("Save PDF"); key: "Ctrl+P"; onClicked: page.exportTo("pdf") }
        Label { id: exportMessage; objectName: "exportMessage"; Layout.fillWidth: true; elide: Text.ElideMiddle }
    }
    Shortcut { sequence: "F5"; enabled: page.visible; onActivated: page.run() }
    Shortcut { sequence: "Ctrl+S"; enabled: page.visible; onActivated: page.exportTo("csv") }
    Shortcut { sequence: "Ctrl+P"; enabled: page.visible; onActivated: page.exportTo("pdf") }
}
