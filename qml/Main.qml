import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The POS terminal: selling, returns, parked sales, the cash drawer, live stock (Ctrl+K),
// shortage exceptions (Ctrl+E) and the manager's back office (F10 with an empty sale; the
// main screen of a manager terminal), one at a time, with the status bar above and any problem
// shown in one place.
ApplicationWindow {
    id: window

    // A right-to-left language (shared/language.h: the default locale) mirrors every layout.
    LayoutMirroring.enabled: Qt.locale().textDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // "sell", "returns", "parked", "cash", "stock", "exceptions" or "backoffice"; paying is a
    // panel over "sell".
    property string screen: "sell"
    readonly property var screens: ["sell", "returns", "parked", "cash", "stock", "exceptions",
                                    "backoffice"]

    function show(name) {
        screen = name
        Qt.callLater(refocus)
    }
    function refocus() {
        if (!Till.staff.signedIn)
            signIn.refocus()
        else if (approvalDialog.opened)
            approvalDialog.pinField.forceActiveFocus()
        else if (screen === "sell")
            sellScreen.refocus()
        else if (screen === "returns")
            returnsScreen.refocus()
        else if (screen === "cash")
            cashScreen.refocus()
        else if (screen === "stock")
            stockScreen.refocus()
        else if (screen === "exceptions")
            exceptionsScreen.refocus()
        else if (screen === "backoffice")
            backOffice.refocus()
        else
            parkedScreen.refocus()
    }
    function openReceipt() {
        receiptPreview.open()
    }

    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 680
    visible: true
    title: qsTr("Stockline POS — %1").arg(Till.terminal)
    color: Theme.background
    font.pixelSize: Theme.fontNormal

    // While someone must sign in or a manager approve, no screen takes keys.
    readonly property bool blocked: !Till.staff.signedIn || approvalDialog.opened

    header: StatusBar {
        onSignOut: Till.staff.signOut()
        screenTitle: !Till.staff.signedIn ? qsTr("Sign in")
                   : window.screen === "returns" ? qsTr("Returns")
                   : window.screen === "parked" ? qsTr("Parked sales")
                   : window.screen === "cash" ? qsTr("Cash drawer")
                   : window.screen === "stock" ? qsTr("Stock")
                   : window.screen === "exceptions" ? qsTr("Shortages")
                   : window.screen === "backoffice" ? qsTr("Back office")
                   : Till.paying ? qsTr("Payment") : qsTr("Sale")
    }

    footer: SyncBar {
        objectName: "syncBar"
        onOpenProblems: syncPanel.open()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ProblemBanner {
            id: banner
            objectName: "problemBanner"
            Layout.fillWidth: true
            Layout.margins: visible ? 8 : 0
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.screens.indexOf(window.screen)

            SellScreen {
                id: sellScreen
                objectName: "sellScreen"
                covered: syncPanel.opened || window.blocked
                onOpenReturns: window.show("returns")
                onOpenParked: window.show("parked")
                onOpenCash: window.show("cash")
                onOpenReceipt: window.openReceipt()
            }
            ReturnsScreen {
                id: returnsScreen
                objectName: "returnsScreen"
                covered: window.blocked
                onDone: window.show("sell")
            }
            ParkedScreen {
                id: parkedScreen
                objectName: "parkedScreen"
                onDone: window.show("sell")
            }
            CashScreen {
                id: cashScreen
                objectName: "cashScreen"
                covered: window.blocked
                onDone: window.show("sell")
            }
            StockScreen {
                id: stockScreen
                objectName: "stockScreen"
                covered: window.blocked
                onDone: window.show("sell")
            }
            ExceptionsScreen {
                id: exceptionsScreen
                objectName: "exceptionsScreen"
                covered: window.blocked
                onDone: window.show("sell")
            }
            BackOffice {
                id: backOffice
                objectName: "backOffice"
                covered: window.blocked || syncPanel.opened
                onDone: window.show("sell")
            }
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

    ReceiptPreview {
        id: receiptPreview
        objectName: "receiptPreview"
        onDone: window.refocus()
    }

    SyncPanel {
        id: syncPanel
        objectName: "syncPanel"
        onDone: window.refocus()
    }
    // F11 is the card key while paying and refunds on the returns screen: here only while
    // selling with nothing else open. The bar's button works on every screen.
    Shortcut {
        sequence: "F11"
        enabled: window.screen === "sell" && !Till.paying && sellScreen.keysEnabled
                 && !syncPanel.opened && !receiptPreview.opened
        onActivated: syncPanel.open()
    }

    // Stock and shortages from the sale screen (its F-keys are all taken).
    Shortcut {
        sequence: "Ctrl+K"
        enabled: window.screen === "sell" && !Till.paying && sellScreen.keysEnabled
        onActivated: window.show("stock")
    }
    Shortcut {
        sequence: "Ctrl+E"
        enabled: window.screen === "sell" && !Till.paying && sellScreen.keysEnabled
        onActivated: window.show("exceptions")
    }

    // The back office with a manager's PIN; F10 cancels a sale with lines, so only without.
    Shortcut {
        sequence: "F10"
        enabled: window.screen === "sell" && !Till.paying && sellScreen.keysEnabled
                 && Till.cart.count === 0 && !syncPanel.opened && !receiptPreview.opened
        onActivated: window.show("backoffice")
    }
    // A manager terminal opens on the back office once the server says what it is.
    function showManagerTerminal() {
        if (Office.managerTerminal && window.screen === "sell")
            window.show("backoffice")
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
        target: Office
        function onAvailableChanged() { window.showManagerTerminal() }
    }
    Connections {
        target: Notices
        function onProblem(message) { banner.show(message) }
        function onCleared() { banner.message = "" }
    }
    Connections {
        target: Till
        // A refund's receipt is shown at once: the customer takes it with the money.
        function onRefundCompleted() {
            window.show("sell")
            window.openReceipt()
        }
    }

    Component.onCompleted: {
        // Reported while the till started, before this window could show it.
        if (Notices.last.length > 0)
            banner.show(Notices.last)
        showManagerTerminal()
        refocus()
    }
}
