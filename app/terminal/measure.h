#pragma once

#include <QElapsedTimer>

class QQuickWindow;

namespace stockline::qml {
class PosContext;
}

namespace stockline::app {

// Figures of the real app for stockline-bench, printed on stdout as one line each.

// The peak resident memory of this process so far, in MiB (Linux), or -1.
[[nodiscard]] double peakRssMiB();

// Once the window has drawn its first frame: "stockline: sale screen ready in N ms, peak RSS
// M MiB" (N counted from `started`), and the app exits.
void exitWhenDrawn(QQuickWindow& window, const QElapsedTimer& started);

// Once the window has drawn its first frame, signs in the first person on the staff list with
// the PIN read from stdin (typed on the sign-in screen), then scans `count` barcodes of the catalog
// as a keyboard-wedge scanner types them (key events 2 ms apart, then Enter), each timed from its
// first key to the frame that shows its line; prints their p50, p99 and max and the peak RSS,
// and the app exits. The sale is cancelled every 20 lines, outside the timing.
void measureScans(QQuickWindow& window, qml::PosContext& context, int count);

} // namespace stockline::app
