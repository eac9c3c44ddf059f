import QtQuick
import QtCharts
import Stockline.Qml

// A report's figures at a glance: one bar per row (its first column), the model's chart
// column as the height. Qt Charts needs a QApplication: BackOffice.qml loads this only then.
ChartView {
    id: chart

    property ReportModel model

    function refill() {
        series.clear()
        if (!chart.model || chart.model.chartColumn < 0)
            return
        const labels = []
        const values = []
        let top = 0
        for (let row = 0; row < chart.model.count; ++row) {
            labels.push(chart.model.rowLabel(row))
            values.push(chart.model.chartValue(row))
            top = Math.max(top, chart.model.chartValue(row))
        }
        categories.categories = labels
        valueAxis.max = top > 0 ? top * 1.1 : 1
        series.append(chart.model.labels[chart.model.chartColumn], values)
    }

    antialiasing: true
    legend.visible: false
    title: chart.model ? chart.model.title : ""

    BarSeries {
        id: series
        axisX: BarCategoryAxis { id: categories }
        // Debian's Qt 6.4 QtCharts type information lists ValueAxis, yet qmllint does not
        // resolve it ("import", then "type" for its `min`); BarCategoryAxis and BarSeries it does.
        axisY: ValueAxis { id: valueAxis; min: 0 } // qmllint disable import type
    }
    Connections {
        target: chart.model
        function onChanged() { chart.refill() }
    }
    onModelChanged: refill()
}
