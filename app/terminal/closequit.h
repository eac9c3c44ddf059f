#pragma once

class QWindow;

namespace stockline::app {

// The app runs one window at a time (the enrolment, then the till, and the enrolment again when
// a manager changes the setup), so it does not quit when its last window goes: the person
// closing a window ends the run; a window torn down between two of them ends nothing.
void quitWhenClosed(QWindow& window);

} // namespace stockline::app
