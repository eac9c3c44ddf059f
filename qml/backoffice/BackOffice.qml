pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The manager's back office (issue 20): Today, Reports, Catalog, Prices, Purchasing, Staff and
// Terminals, one page at a time (Ctrl+1 … Ctrl+7), everything read and written through the server. It
// needs the server and a manager signed in with their PIN (ElevatePanel); Esc on a page
// returns to the page's list, and on the shell signs the manager out and leaves (`done`).
Item {
    id: office

    property bool covered: false
    property int page: 0
    readonly property var pages: [qsTr("Today"), qsTr("Reports"), qsTr("Catalog"),
                                  qsTr("Prices"), qsTr("Purchasing"), qsTr("Staff"), qsTr("Terminals")]
    readonly property bool keysEnabled: visible && !covered && Office.available && Office.elevated
    signal done()

    // The status line shows what was said on this page only.
    onPageChanged: Office.page = page

    // Only when shown: hidden behind the sale, it must not take the keys from the sign-in or
    // the scan field when the server comes and goes.
    function refocus() {
        if (!visible || !Office.available)
            return
        if (!Office.elevated)
            elevatePanel.refocus()
        else if (stack.children[page])
            stack.children[page].refocus()
    }
    // Qt 6.4's qmllint declares Qt.callLater a QJSValue property, not a method ("type").
    function refocusLater() {
        Qt.callLater(refocus) // qmllint disable type
    }
    function show(index) {
        page = index
        stack.children[page].activate()
        refocusLater()
    }
    // Signs the manager out; the terminal's own screens (on a manager terminal too: its stock
    // and shortages) are back, and F10 returns.
    function leave() {
        Office.signOut()
        done()
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        visible: Office.available && Office.elevated
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            TabBar {
                id: tabs
                objectName: "backOfficeTabs"
                Layout.fillWidth: true
                currentIndex: office.page
                Repeater {
                    model: office.pages
                    delegate: TabButton {
                        required property string modelData
                        required property int index
                        text: qsTr("%1 · Ctrl+%2").arg(modelData).arg(index + 1)
                        // As wide as its words: seven pages do not fit in equal shares.
                        width: implicitWidth
                        leftPadding: 8
                        rightPadding: 8
                        focusPolicy: Qt.NoFocus
                        onClicked: office.show(index)
                    }
                }
            }
            Label {
                text: qsTr("Manager: %1").arg(Office.manager)
                color: Theme.muted
            }
            KeyButton {
                text: qsTr("Leave")
                key: "Ctrl+Q"
                onClicked: office.leave()
            }
        }
        Label {
            objectName: "backOfficeMessage"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: Office.busy ? qsTr("Asking the server…") : Office.message
            color: Office.failed ? Theme.danger : Theme.muted
        }
        StackLayout {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: office.page
            TodayPage { objectName: "todayPage" }
            ReportsPage { objectName: "reportsPage" }
            CatalogPage { objectName: "catalogPage" }
            PricesPage { objectName: "pricesPage" }
            PurchasingPage { objectName: "purchasingPage" }
            StaffPage { objectName: "staffPage" }
            TerminalsPage { objectName: "terminalsPage" }
        }
    }

    ElevatePanel {
        id: elevatePanel
        objectName: "elevatePanel"
        anchors.fill: parent
        visible: Office.available && !Office.elevated
        onCancel: office.leave()
    }

    Label {
        objectName: "backOfficeOffline"
        anchors.centerIn: parent
        visible: !Office.available
        text: qsTr("The back office needs the server")
        font.pixelSize: Theme.fontLarge
        color: Theme.warning
    }

    Shortcut { sequences: ["Ctrl+1"]; enabled: office.keysEnabled; onActivated: office.show(0) }
    Shortcut { sequences: ["Ctrl+2"]; enabled: office.keysEnabled; onActivated: office.show(1) }
    Shortcut { sequences: ["Ctrl+3"]; enabled: office.keysEnabled; onActivated: office.show(2) }
    Shortcut { sequences: ["Ctrl+4"]; enabled: office.keysEnabled; onActivated: office.show(3) }
    Shortcut { sequences: ["Ctrl+5"]; enabled: office.keysEnabled; onActivated: office.show(4) }
    Shortcut { sequences: ["Ctrl+6"]; enabled: office.keysEnabled; onActivated: office.show(5) }
    Shortcut { sequences: ["Ctrl+7"]; enabled: office.keysEnabled; onActivated: office.show(6) }
    Shortcut {
        sequence: "Ctrl+Q"
        enabled: office.visible && !office.covered
        onActivated: office.leave()
    }

    Connections {
        target: Office
        function onElevatedChanged() {
            if (Office.elevated)
                office.show(office.page)
            else
                office.refocusLater()
        }
        function onAvailableChanged() { office.refocusLater() }
    }
}
