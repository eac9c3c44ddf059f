pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The receiving dock: the same shell as the till (sign-in, status bar, sync bar, manager
// approval, one place for problems) around the dock's screens, listed on the left.
ApplicationWindow {
    id: window

    // A right-to-left language (shared/language.h: the default locale) mirrors every layout.
    LayoutMirroring.enabled: Qt.locale().textDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // The dock's screens, in the order of the navigation and of the stack below. To add one,
    // append an entry here, its item to the StackLayout in the same position, and a Shortcut
    // for its key at the end of this file. `ownKeys`: the navigation keys the screen uses for
    // itself while it is shown (stock and shortages are the till's screens, with the till's
    // keys: Ctrl+K and Ctrl+E to open them, F2 and F3 inside).
    readonly property var screens: [
        { name: "deliveries", title: qsTr("Deliveries"), key: "F1" },
        { name: "receive", title: qsTr("Receive"), key: "F2" },
        { name: "count", title: qsTr("Cycle count"), key: "F3" },
        { name: "moves", title: qsTr("Transfer / adjust"), key: "F4" },
        { name: "stock", title: qsTr("Stock"), key: "Ctrl+K", ownKeys: ["F2", "F3"] },
        { name: "shortages", title: qsTr("Shortages"), key: "Ctrl+E", ownKeys: ["F2", "F3"] }
    ]
    property string screen: "deliveries"
    readonly property int screenIndex: screens.findIndex(s => s.name === screen)
    readonly property var ownKeys: screenIndex >= 0 ? (screens[screenIndex].ownKeys || []) : []

    // Whether the navigation key of screen `index` goes to the navigation now.
    function navigates(index) {
        return navigable && !ownKeys.includes(screens[index].key)
    }

    function show(name) {
        screen = name
        Qt.callLater(refocus)
    }
    function refocus() {
        if (!Till.staff.signedIn)
            signIn.refocus()
        else if (approvalDialog.opened)
            approvalDialog.pinField.forceActiveFocus()
        else if (officeOpen)
            backOffice.refocus()
        else if (stack.children[screenIndex])
            stack.children[screenIndex].refocus()
    }

    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 680
    visible: true
    title: qsTr("Stockline receiving — %1").arg(Till.terminal)
    color: Theme.background
    font.pixelSize: Theme.fontNormal

    readonly property bool blocked: !Till.staff.signedIn || approvalDialog.opened
    // The manager's back office over the dock's screens (F10, but not on Transfer / adjust,
    // where F10 books a find).
    property bool officeOpen: false
    readonly property bool navigable: !blocked && !syncPanel.opened && !officeOpen

    header: StatusBar {
        onSignOut: Till.staff.signOut()
        lastText: Dock.lastBooked
        screenTitle: !Till.staff.signedIn ? qsTr("Sign in")
                   : window.screenIndex >= 0 ? window.screens[window.screenIndex].title : ""
    }

    footer: SyncBar {
        objectName: "syncBar"
        localText: qsTr("Receipts, counts and moves are kept on this dock until a server is set up.")
        onlineText: qsTr("Every receipt, count and move goes to the server as it is booked.")
        connectingText: qsTr("Connecting to the server… Keep receiving: everything is kept and sent later.")
        offlineText: qsTr("Receipts, counts and moves are kept on this dock and sent when the server is back.")
        onOpenProblems: syncPanel.open()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // The navigation: every screen of the dock with its key.
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 250
            color: Theme.panel
            border.color: Theme.line
            ListView {
                id: navigation
                objectName: "dockNavigation"
                anchors.fill: parent
                anchors.margins: 8
                spacing: 4
                interactive: false
                model: window.screens
                delegate: ItemDelegate {
                    id: entry
                    required property var modelData
                    required property int index
                    width: navigation.width
                    implicitHeight: Theme.touch
                    focusPolicy: Qt.NoFocus
                    highlighted: window.screenIndex === index
                    // The key as the keyboard labels it in the language (Strg on a German one).
                    text: qsTr("%1 · %2").arg(modelData.title)
                                         .arg(modelData.key.replace("Ctrl+", qsTr("Ctrl+")))
                    font.pixelSize: Theme.fontNormal
                    font.bold: highlighted
                    onClicked: window.show(modelData.name)
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // The screens take the width that is left, whatever their content would like.
            Layout.preferredWidth: 0
            spacing: 0

            ProblemBanner {
                id: banner
                objectName: "problemBanner"
                Layout.fillWidth: true
                Layout.margins: visible ? 8 : 0
            }

            StackLayout {
                id: stack
                Layout.fillWidth: true
                Layout.preferredWidth: 0
                Layout.fillHeight: true
                currentIndex: window.screenIndex

                DeliveriesScreen {
                    objectName: "deliveriesScreen"
                    covered: window.blocked || syncPanel.opened
                    onReceive: window.show("receive")
                }
                ReceiveScreen {
                    objectName: "receiveScreen"
                    covered: window.blocked || syncPanel.opened
                    onDone: window.show("deliveries")
                }
                CountScreen {
                    objectName: "countScreen"
                    covered: window.blocked || syncPanel.opened
                }
                MovesScreen {
                    objectName: "movesScreen"
                    covered: window.blocked || syncPanel.opened
                }
                StockScreen {
                    objectName: "stockScreen"
                    covered: window.blocked || syncPanel.opened
                    onDone: window.show("deliveries")
                }
                ExceptionsScreen {
                    objectName: "exceptionsScreen"
                    covered: window.blocked || syncPanel.opened
                    onDone: window.show("deliveries")
                }
            }
        }
    }

    BackOffice {
        id: backOffice
        objectName: "backOffice"
        anchors.fill: parent
        z: 5
        visible: window.officeOpen
        covered: window.blocked || syncPanel.opened
        onDone: {
            window.officeOpen = false
            window.refocus()
        }
    }
    Shortcut {
        sequence: "F10"
        enabled: window.navigable && window.screen !== "moves"
        onActivated: {
            window.officeOpen = true
            window.refocus()
        }
    }

    SignInScreen {
        id: signIn
        objectName: "signInScreen"
        anchors.fill: parent
        z: 10
        visible: !Till.staff.signedIn
    }

    ApprovalDialog {
        id: approvalDialog
        objectName: "approvalDialog"
        onClosed: window.refocus()
    }

    SyncPanel {
        id: syncPanel
        objectName: "syncPanel"
        onDone: window.refocus()
    }

    // Each screen's key, as the navigation lists it.
    Shortcut {
        sequence: window.screens[0].key
        enabled: window.navigates(0)
        onActivated: window.show(window.screens[0].name)
    }
    Shortcut {
        sequence: window.screens[1].key
        enabled: window.navigates(1)
        onActivated: window.show(window.screens[1].name)
    }
    Shortcut {
        sequence: window.screens[2].key
        enabled: window.navigates(2)
        onActivated: window.show(window.screens[2].name)
    }
    Shortcut {
        sequence: window.screens[3].key
        enabled: window.navigates(3)
        onActivated: window.show(window.screens[3].name)
    }
    Shortcut {
        sequence: window.screens[4].key
        enabled: window.navigates(4)
        onActivated: window.show(window.screens[4].name)
    }
    Shortcut {
        sequence: window.screens[5].key
        enabled: window.navigates(5)
        onActivated: window.show(window.screens[5].name)
    }
    Shortcut {
        sequence: "F11"
        enabled: !window.blocked && !syncPanel.opened
        onActivated: syncPanel.open()
    }
    Shortcut {
        sequence: "Ctrl+L"
        enabled: Till.staff.signedIn && !window.blocked
        onActivated: Till.staff.signOut()
    }

    Connections {
        target: Till.staff
        function onSignedInChanged() { window.refocus() }
    }
    Connections {
        target: Notices
        function onProblem(message) { banner.show(message) }
        function onCleared() { banner.message = "" }
    }

    Component.onCompleted: {
        if (Notices.last.length > 0)
            banner.show(Notices.last)
        refocus()
    }
}
