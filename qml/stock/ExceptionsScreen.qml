pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// Shortage exceptions: what offline sales sold beyond stock, with the sale that caused each.
// A manager resolves the chosen one with a recount (F2, the units on the shelf) or by
// accepting the loss (F3); Esc goes back. Shared by the till and the dock: it needs only the
// Stock singleton (and the manager approval dialog the window shows).
Item {
    id: screen

    property bool covered: false
    readonly property bool keysEnabled: visible && !covered && !countDialog.opened
    readonly property var exceptions: Stock.exceptions

    signal done()

    function refocus() { exceptionView.forceActiveFocus() }
    function askRecount() {
        const row = exceptionView.currentIndex
        if (row >= 0 && exceptions.canResolve)
            countDialog.ask(qsTr("Recount %1").arg(exceptions.titleAt(row)),
                            qsTr("How many are on the shelf now? A whole number"), "")
    }
    function acceptLoss() {
        if (exceptionView.currentIndex >= 0)
            exceptions.resolveLoss(exceptionView.currentIndex)
    }

    onVisibleChanged: if (visible) refocus()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing

        Label {
            text: qsTr("Shortage exceptions")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            objectName: "exceptionsHint"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: text.length > 0
            color: Theme.warning
            text: screen.exceptions.errorString.length > 0 ? screen.exceptions.errorString
                  : !screen.exceptions.canResolve
                    ? qsTr("Only a manager terminal connected to the server resolves these.") : ""
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: exceptionView
                objectName: "exceptionView"
                anchors.fill: parent
                anchors.margins: 1
                model: screen.exceptions
                focus: true
                currentIndex: count > 0 ? 0 : -1
                Keys.onEscapePressed: screen.done()
                delegate: ItemDelegate {
                    id: shortage
                    required property int index
                    required property var shortageId
                    required property string sku
                    required property string name
                    required property string location
                    required property var qty
                    required property string terminal
                    required property string sale
                    required property string at
                    required property bool resolving
                    width: exceptionView.width
                    implicitHeight: Theme.rowHeight
                    focusPolicy: Qt.NoFocus
                    highlighted: index === exceptionView.currentIndex
                    onClicked: exceptionView.currentIndex = index
                    contentItem: RowLayout {
                        spacing: 16
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                text: qsTr("%1 × %2 at %3").arg(shortage.qty).arg(shortage.name).arg(shortage.location)
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: qsTr("Sale %1 on %2, %3 · #%4 · %5").arg(shortage.sale).arg(shortage.terminal)
                                          .arg(shortage.at).arg(shortage.shortageId).arg(shortage.sku)
                                color: Theme.muted
                                font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            visible: shortage.resolving
                            text: qsTr("resolving…")
                            color: Theme.muted
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: exceptionView.count === 0
                text: qsTr("No open shortages")
                color: Theme.muted
                font.pixelSize: Theme.fontLarge
            }
        }
        RowLayout {
            Layout.fillWidth: true
            KeyButton {
                text: qsTr("Back"); key: qsTr("Esc")
                Layout.fillWidth: true
                onClicked: screen.done()
            }
            KeyButton {
                text: qsTr("Recount"); key: "F2"
                Layout.fillWidth: true
                enabled: exceptionView.count > 0 && screen.exceptions.canResolve
                onClicked: screen.askRecount()
            }
            KeyButton {
                text: qsTr("Accept the loss"); key: "F3"
                Layout.fillWidth: true
                enabled: exceptionView.count > 0 && screen.exceptions.canResolve
                onClicked: screen.acceptLoss()
            }
        }
    }

    EntryDialog {
        id: countDialog
        objectName: "countDialog"
        onAccepted: text => {
            const counted = parseInt(text, 10)
            if (/^\d+$/.test(text.trim()) && exceptionView.currentIndex >= 0)
                screen.exceptions.resolveRecount(exceptionView.currentIndex, counted)
        }
        onClosed: screen.refocus()
    }

    Shortcut { sequence: "F2"; enabled: screen.keysEnabled; onActivated: screen.askRecount() }
    Shortcut { sequence: "F3"; enabled: screen.keysEnabled; onActivated: screen.acceptLoss() }
}
