import QtQuick
import QtQuick.Controls

// A small step chart of a level over time: `points` is [{t: ms, v: units}], oldest first
// (HistoryModel.points). Drawn with Canvas, which Qt Quick has without another module.
Item {
    id: chart

    property var points: []
    // How many points were drawn last, for tests and for the empty text.
    property int drawnPoints: 0

    implicitHeight: 140

    onPointsChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        anchors.margins: 8
        renderStrategy: Canvas.Immediate
        renderTarget: Canvas.Image

        onPaint: {
            const ctx = canvas.getContext("2d")
            ctx.reset()
            const pts = chart.points
            chart.drawnPoints = pts.length
            if (pts.length === 0)
                return
            const t0 = pts[0].t
            const t1 = pts[pts.length - 1].t
            let top = 0
            for (const p of pts)
                top = Math.max(top, p.v)
            top = Math.max(top, 1)
            const w = canvas.width
            const h = canvas.height
            const x = t => t1 === t0 ? w : (t - t0) / (t1 - t0) * w
            const y = v => h - v / top * (h - 14)
            ctx.strokeStyle = Theme.line
            ctx.lineWidth = 1
            ctx.beginPath()
            ctx.moveTo(0, h - 0.5)
            ctx.lineTo(w, h - 0.5)
            ctx.stroke()
            ctx.strokeStyle = Theme.accent
            ctx.lineWidth = 2
            ctx.beginPath()
            ctx.moveTo(x(pts[0].t), y(pts[0].v))
            for (let i = 1; i < pts.length; ++i) {
                ctx.lineTo(x(pts[i].t), y(pts[i - 1].v)) // a level holds until it changes
                ctx.lineTo(x(pts[i].t), y(pts[i].v))
            }
            ctx.lineTo(w, y(pts[pts.length - 1].v))
            ctx.stroke()
            ctx.fillStyle = Theme.accent
            for (const p of pts)
                ctx.fillRect(x(p.t) - 2, y(p.v) - 2, 4, 4)
            ctx.fillStyle = Theme.muted
            ctx.font = "12px sans-serif"
            ctx.fillText(top, 2, 12)
        }
    }
    Label {
        anchors.centerIn: parent
        visible: chart.points.length === 0
        text: qsTr("No movements to chart")
        color: Theme.muted
    }
}
