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

    // The points placed in a w × h area: time from left to right (a single point at the right
    // edge), units from the bottom up to the highest level, which sits `headroom` below the top
    // to leave room for its figure. `top` is that highest level (at least 1).
    readonly property int headroom: 14
    function scaled(w, h) {
        const pts = chart.points
        let top = 1
        for (const p of pts)
            top = Math.max(top, p.v)
        if (pts.length === 0)
            return { top: top, points: [] }
        const t0 = pts[0].t
        const t1 = pts[pts.length - 1].t
        return {
            top: top,
            points: pts.map(p => ({
                x: t1 === t0 ? w : (p.t - t0) / (t1 - t0) * w,
                y: h - p.v / top * (h - chart.headroom)
            }))
        }
    }

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
            const w = canvas.width
            const h = canvas.height
            const chartOf = chart.scaled(w, h)
            const pts = chartOf.points
            chart.drawnPoints = pts.length
            if (pts.length === 0)
                return
            ctx.strokeStyle = Theme.line
            ctx.lineWidth = 1
            ctx.beginPath()
            ctx.moveTo(0, h - 0.5)
            ctx.lineTo(w, h - 0.5)
            ctx.stroke()
            ctx.strokeStyle = Theme.accent
            ctx.lineWidth = 2
            ctx.beginPath()
            ctx.moveTo(pts[0].x, pts[0].y)
            for (let i = 1; i < pts.length; ++i) {
                ctx.lineTo(pts[i].x, pts[i - 1].y) // a level holds until it changes
                ctx.lineTo(pts[i].x, pts[i].y)
            }
            ctx.lineTo(w, pts[pts.length - 1].y)
            ctx.stroke()
            ctx.fillStyle = Theme.accent
            for (const p of pts)
                ctx.fillRect(p.x - 2, p.y - 2, 4, 4)
            ctx.fillStyle = Theme.muted
            ctx.font = "12px sans-serif"
            ctx.fillText(chartOf.top, 2, 12)
        }
    }
    Label {
        anchors.centerIn: parent
        visible: chart.points.length === 0
        text: qsTr("No movements to chart")
        color: Theme.muted
    }
}
