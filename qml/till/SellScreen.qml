pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The counter: scan or search, see the cart and its total, and pay. Every action is a button
// with its F-key; the scan field has the keyboard focus whenever no dialog is open.
Item {
    id: screen

    signal openReturns()
    signal openParked()
    signal openCash()
    signal openReceipt()

    readonly property bool searchOpen: scan.text.length >= 2 && Till.search.count > 0
    readonly property bool dialogOpen: quantityDialog.opened || lineDiscountDialog.opened
                                       || orderDiscountDialog.opened || parkDialog.opened
                                       || cancelDialog.opened || priceDialog.opened
    // Set while a panel over the whole window has the keys (the sync problems).
    property bool covered: false
    readonly property bool keysEnabled: visible && !Till.paying && !dialogOpen && !covered
    property alias scanField: scan
    property alias cartView: cartView

    function refocus() {
        if (Till.paying)
            payPanel.refocus()
        else
            scan.forceActiveFocus()
    }
    function selectedRow() {
        return cartView.currentIndex >= 0 ? cartView.currentIndex : Till.cart.count - 1
    }
    function selectedName() {
        return Till.cart.nameAt(selectedRow())
    }
    function askQuantity() {
        if (Till.cart.count > 0)
            quantityDialog.ask(qsTr("Quantity of %1").arg(selectedName()),
                               qsTr("A whole number"), "")
    }
    function askLineDiscount() {
        if (Till.cart.count > 0)
            lineDiscountDialog.ask(qsTr("Discount on %1").arg(selectedName()),
                                   qsTr("An amount such as 1.50, or a percentage such as 10%"), "")
    }
    function askOrderDiscount() {
        if (Till.cart.count > 0)
            orderDiscountDialog.ask(qsTr("Discount on the whole sale"),
                                    qsTr("An amount such as 5.00, or a percentage such as 10%"), "")
    }
    function askPrice() {
        if (Till.cart.count > 0)
            priceDialog.ask(qsTr("Price of %1").arg(selectedName()),
                            qsTr("The unit price to charge, such as 3.99: a manager approves it"),
                            "")
    }
    function voidSelected() {
        if (Till.cart.count > 0)
            Till.voidLine(selectedRow())
    }
    function park() {
        if (Till.cart.count > 0)
            parkDialog.ask(qsTr("Park this sale"), qsTr("A name to find it by (optional)"), "")
    }
    function searchNow() {
        searchDelay.stop()
        Till.search.query = scan.text.replace(/^\s*\d{1,7}\s*\*\s*/, "")
    }
    function pay() {
        if (Till.startPayment())
            payPanel.refocus()
    }

    Timer {
        id: searchDelay
        interval: 60
        onTriggered: screen.searchNow()
    }

    Connections {
        target: Till
        function onLineAdded(row) {
            cartView.currentIndex = row
            cartView.positionViewAtIndex(row, ListView.Contain)
        }
        function onPayingChanged() { screen.refocus() }
        function onSaleCompleted() { scan.text = ""; screen.refocus() }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                ScanField {
                    id: scan
                    objectName: "scanField"
                    Layout.fillWidth: true
                    focus: true
                    // Search once the keys pause: a scanner's burst runs no search at all.
                    onTextChanged: searchDelay.restart()
                    onSubmitted: (text, burst) => {
                        if (burst === 0)
                            screen.searchNow() // what is listed is what was typed
                        const picked = screen.searchOpen ? searchView.currentIndex : -1
                        scan.text = Till.submit(text, burst, picked)
                    }
                    onMoved: (delta) => {
                        const view = screen.searchOpen ? searchView : cartView
                        view.currentIndex = Math.max(0, Math.min(view.count - 1,
                                                                 view.currentIndex + delta))
                        view.positionViewAtIndex(view.currentIndex, ListView.Contain)
                    }
                    onEscaped: scan.text = ""
                }
                Rectangle {
                    visible: Till.pendingText.length > 0
                    color: Theme.accent
                    radius: Theme.radius
                    implicitWidth: 90
                    implicitHeight: Theme.touch
                    Label {
                        anchors.centerIn: parent
                        text: qsTr("× %1").arg(Till.pendingText)
                        color: Theme.accentText
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.panel
                radius: Theme.radius
                border.color: Theme.line
                clip: true

                ListView {
                    id: cartView
                    objectName: "cartView"
                    anchors.fill: parent
                    anchors.margins: 1
                    model: Till.cart
                    currentIndex: -1
                    boundsBehavior: Flickable.StopAtBounds
                    delegate: CartLineDelegate {
                        width: cartView.width
                        selected: index === cartView.currentIndex
                        onClicked: {
                            cartView.currentIndex = index
                            screen.refocus()
                        }
                    }
                    ScrollBar.vertical: ScrollBar {}
                }
                Label {
                    anchors.centerIn: parent
                    visible: Till.cart.count === 0
                    text: Till.lastReceipt.length > 0 && !Till.lastWasRefund
                          ? qsTr("Next customer — scan the first item")
                          : qsTr("Scan the first item")
                    color: Theme.muted
                    font.pixelSize: Theme.fontLarge
                }

                // Search results over the cart while the clerk types.
                Rectangle {
                    visible: screen.searchOpen
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    height: Math.min(parent.height, searchView.contentHeight + 2)
                    color: Theme.panel
                    border.color: Theme.accent
                    border.width: 2
                    z: 2
                    ListView {
                        id: searchView
                        objectName: "searchView"
                        anchors.fill: parent
                        anchors.margins: 2
                        clip: true
                        model: Till.search
                        onCountChanged: currentIndex = count > 0 ? 0 : -1
                        highlightMoveDuration: 0
                        delegate: ItemDelegate {
                            id: hit
                            required property int index
                            required property string name
                            required property string sku
                            required property string price
                            required property int available
                            width: searchView.width
                            implicitHeight: Theme.rowHeight - 8
                            focusPolicy: Qt.NoFocus
                            highlighted: index === searchView.currentIndex
                            onClicked: {
                                Till.addSearchResult(index)
                                scan.text = ""
                                screen.refocus()
                            }
                            contentItem: RowLayout {
                                spacing: 12
                                Label {
                                    text: hit.name
                                    font.pixelSize: Theme.fontNormal
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: hit.sku
                                    color: Theme.muted
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    text: hit.available < 0 ? "" : qsTr("%n here", "", hit.available)
                                    color: hit.available > 0 ? Theme.muted : Theme.danger
                                    font.pixelSize: Theme.fontSmall
                                    Layout.preferredWidth: 80
                                }
                                Label {
                                    text: hit.price
                                    font.pixelSize: Theme.fontNormal
                                    font.bold: true
                                    horizontalAlignment: Text.AlignRight
                                    Layout.preferredWidth: 100
                                }
                            }
                        }
                    }
                }
            }

            // Totals: the sum of the lines, as on the receipt.
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: totals.implicitHeight + 20
                color: Theme.panel
                radius: Theme.radius
                border.color: Theme.line
                RowLayout {
                    id: totals
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 24
                    Label {
                        text: qsTr("%n item(s)", "", Till.cart.itemCount)
                        font.pixelSize: Theme.fontNormal
                        color: Theme.muted
                    }
                    Label {
                        visible: Till.cart.hasOrderDiscount
                        text: qsTr("Sale discount %1").arg(Till.cart.orderDiscountText)
                        font.pixelSize: Theme.fontNormal
                        color: Theme.danger
                    }
                    Label {
                        text: qsTr("Subtotal %1").arg(Till.cart.netText)
                        font.pixelSize: Theme.fontNormal
                    }
                    Label {
                        text: qsTr("Tax %1").arg(Till.cart.taxText)
                        font.pixelSize: Theme.fontNormal
                    }
                    Item { Layout.fillWidth: true }
                    Label {
                        objectName: "totalLabel"
                        text: Till.cart.totalText
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                    }
                }
            }
        }

        // Actions, each with its key.
        ColumnLayout {
            Layout.preferredWidth: 330
            Layout.maximumWidth: 330
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                Layout.fillWidth: true
                visible: Till.lastReceipt.length > 0
                implicitHeight: lastSale.implicitHeight + 20
                color: Till.lastWasRefund ? Theme.warningBackground : "#dafbe1"
                radius: Theme.radius
                ColumnLayout {
                    id: lastSale
                    anchors.fill: parent
                    anchors.margins: 10
                    Label {
                        text: Till.lastWasRefund ? qsTr("Refunded %1").arg(Till.lastTotalText)
                                                 : qsTr("Change due")
                        font.pixelSize: Theme.fontNormal
                    }
                    Label {
                        visible: !Till.lastWasRefund
                        objectName: "changeLabel"
                        text: Till.lastChangeText
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                        color: Theme.pay
                    }
                    Label {
                        text: qsTr("Receipt %1 · total %2").arg(Till.lastReceipt).arg(Till.lastTotalText)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.muted
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                KeyButton {
                    text: qsTr("Quantity"); key: "F2"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    onClicked: screen.askQuantity()
                }
                KeyButton {
                    text: qsTr("Line discount"); key: "F3"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    onClicked: screen.askLineDiscount()
                }
                KeyButton {
                    text: qsTr("Sale discount"); key: "F4"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    onClicked: screen.askOrderDiscount()
                }
                KeyButton {
                    text: qsTr("Void line"); key: "F5"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    ink: Theme.danger
                    onClicked: screen.voidSelected()
                }
                KeyButton {
                    text: qsTr("Park sale"); key: "F6"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    onClicked: screen.park()
                }
                KeyButton {
                    text: qsTr("Parked (%1)").arg(Till.parked.count); key: "F7"
                    Layout.fillWidth: true
                    onClicked: screen.openParked()
                }
                KeyButton {
                    text: qsTr("Returns"); key: "F8"
                    Layout.fillWidth: true
                    onClicked: screen.openReturns()
                }
                KeyButton {
                    text: qsTr("Receipt"); key: "F9"
                    Layout.fillWidth: true; enabled: Till.lastReceipt.length > 0
                    onClicked: screen.openReceipt()
                }
                KeyButton {
                    text: qsTr("Price override"); key: qsTr("Ctrl+P")
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    onClicked: screen.askPrice()
                }
                KeyButton {
                    text: qsTr("Cancel sale"); key: "F10"
                    Layout.fillWidth: true; enabled: Till.cart.count > 0
                    ink: Theme.danger
                    onClicked: cancelDialog.open()
                }
                KeyButton {
                    objectName: "cashButton"
                    text: CashDrawer.open ? qsTr("Cash drawer") : qsTr("Open drawer")
                    key: qsTr("Ctrl+D")
                    Layout.fillWidth: true
                    tint: CashDrawer.open ? Theme.panel : Theme.warningBackground
                    onClicked: screen.openCash()
                }
            }
            Item { Layout.fillHeight: true }
            KeyButton {
                objectName: "payButton"
                text: qsTr("Pay %1").arg(Till.cart.totalText); key: "F12"
                Layout.fillWidth: true
                implicitHeight: Theme.touch * 1.6
                font.pixelSize: Theme.fontLarge
                tint: Theme.pay; ink: Theme.accentText
                enabled: Till.cart.count > 0
                onClicked: screen.pay()
            }
        }
    }

    Shortcut { sequence: "F2"; enabled: screen.keysEnabled; onActivated: screen.askQuantity() }
    Shortcut { sequence: "F3"; enabled: screen.keysEnabled; onActivated: screen.askLineDiscount() }
    Shortcut { sequence: "F4"; enabled: screen.keysEnabled; onActivated: screen.askOrderDiscount() }
    Shortcut { sequence: "F5"; enabled: screen.keysEnabled; onActivated: screen.voidSelected() }
    Shortcut { sequence: "F6"; enabled: screen.keysEnabled; onActivated: screen.park() }
    Shortcut { sequence: "F7"; enabled: screen.keysEnabled; onActivated: screen.openParked() }
    Shortcut { sequence: "F8"; enabled: screen.keysEnabled; onActivated: screen.openReturns() }
    Shortcut {
        sequence: "F9"; enabled: screen.keysEnabled && Till.lastReceipt.length > 0
        onActivated: screen.openReceipt()
    }
    Shortcut {
        sequence: "F10"; enabled: screen.keysEnabled && Till.cart.count > 0
        onActivated: cancelDialog.open()
    }
    Shortcut { sequence: "F12"; enabled: screen.keysEnabled; onActivated: screen.pay() }
    Shortcut { sequence: "Ctrl+P"; enabled: screen.keysEnabled; onActivated: screen.askPrice() }
    Shortcut { sequence: "Ctrl+D"; enabled: screen.keysEnabled; onActivated: screen.openCash() }

    EntryDialog {
        id: quantityDialog
        onAccepted: (text) => Till.setQuantity(screen.selectedRow(), text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: lineDiscountDialog
        onAccepted: (text) => Till.setLineDiscount(screen.selectedRow(), text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: orderDiscountDialog
        onAccepted: (text) => Till.setOrderDiscount(text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: priceDialog
        onAccepted: (text) => Till.overridePrice(screen.selectedRow(), text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: parkDialog
        onAccepted: (text) => Till.park(text)
        onClosed: screen.refocus()
    }
    EntryDialog {
        id: cancelDialog
        title: qsTr("Cancel this sale?")
        hint: qsTr("Type YES and press Enter: every line is removed.")
        onAccepted: (text) => { if (text.trim().toUpperCase() === qsTr("YES")) Till.cancelSale() }
        onClosed: screen.refocus()
    }

    PayPanel {
        id: payPanel
        anchors.fill: parent
        visible: Till.paying
        covered: screen.covered
    }
}
