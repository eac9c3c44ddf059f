pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Stockline.Qml

// The cash drawer: open it with a float, pay cash in or out, print an X report at any time,
// and close it by counting the notes and coins, which gives the Z report. The count is blind:
// the report with what the drawer should hold stays hidden until the count is in.
Item {
    id: screen

    signal done()
    // The count row `row` takes the keyboard.
    signal editRow(int row)

    // "drawer": the drawer and its last report; "count": counting the drawer to close it;
    // "day": the store's whole day from the server (a manager's terminal).
    property string view: "drawer"
    property string savedTo: ""
    // What the count row with the keyboard holds, not yet handed to the model.
    property string typedCount: ""
    readonly property DenominationModel denominations: CashDrawer.denominations
    readonly property bool dialogOpen: floatDialog.opened || movementDialog.opened
    // Set while something over the whole window has the keys (sign-in, an approval).
    property bool covered: false
    readonly property bool keysEnabled: visible && !dialogOpen && !covered
    readonly property bool drawerKeys: keysEnabled && view === "drawer"
    readonly property bool countKeys: keysEnabled && view === "count"
    readonly property bool dayKeys: keysEnabled && view === "day"
    readonly property DayView day: CashDrawer.day

    function refocus() {
        if (view === "count")
            focusRow(countView.currentIndex)
        else
            drawerView.forceActiveFocus()
    }
    function back() {
        view = "drawer"
        done()
    }
    function showDay() {
        view = "day"
        screen.day.load("")
    }
    function askFloat() {
        if (!CashDrawer.open)
            floatDialog.ask(qsTr("Open the drawer"),
                            qsTr("The float: the cash in the drawer to give change with, such as 150.00"),
                            "")
    }
    function askMovement(paidIn) {
        if (CashDrawer.open)
            movementDialog.ask(paidIn)
    }
    function xReport() {
        savedTo = ""
        CashDrawer.makeXReport()
    }
    function startCount() {
        if (!CashDrawer.open)
            return
        view = "count"
        focusRow(0)
    }
    function cancelCount() {
        view = "drawer"
        refocus()
    }
    function focusRow(row) {
        if (row < 0 || row >= countView.count)
            return
        countView.currentIndex = row
        countView.positionViewAtIndex(row, ListView.Contain)
        editRow(row)
    }
    function finishCount() {
        // The count being typed counts too; a wrong one stops the close.
        if (!denominations.setCount(countView.currentIndex, typedCount))
            return
        savedTo = ""
        if (CashDrawer.closeDrawer())
            cancelCount()
    }
    function print() {
        if (CashDrawer.hasReport && CashDrawer.printerConfigured)
            CashDrawer.printReport()
    }
    function savePdf() {
        if (CashDrawer.hasReport)
            savedTo = CashDrawer.saveReportPdf()
    }
    function reprint() {
        savedTo = ""
        CashDrawer.reprintLast()
    }

    onVisibleChanged: if (visible) refocus()

    component CountRow: Rectangle {
        id: line
        required property int index
        required property string denomination
        required property bool coin
        required property int count
        required property string subtotal

        function edit() {
            field.forceActiveFocus()
            field.selectAll()
        }
        // Hands the typed count to the model; a wrong one is reported and stays to correct.
        function commit() {
            if (screen.denominations.setCount(index, field.text))
                return true
            edit()
            return false
        }
        function shown() {
            return count > 0 ? String(count) : ""
        }

        Connections {
            target: screen
            function onEditRow(row) {
                if (row === line.index)
                    line.edit()
            }
        }

        width: ListView.view.width
        implicitHeight: Theme.touch + 8
        color: ListView.isCurrentItem ? Theme.selection : "transparent"

        TapHandler { onTapped: screen.focusRow(line.index) }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 16
            Label {
                text: line.denomination
                font.pixelSize: Theme.fontLarge
                font.bold: true
                horizontalAlignment: Text.AlignRight
                Layout.preferredWidth: 150
            }
            Label {
                text: line.coin ? qsTr("coin") : qsTr("note")
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                Layout.preferredWidth: 60
            }
            TextField {
                id: field
                objectName: "count" + line.index
                text: line.shown()
                implicitHeight: Theme.touch
                Layout.preferredWidth: 160
                font.pixelSize: Theme.fontLarge
                horizontalAlignment: Text.AlignRight
                inputMethodHints: Qt.ImhDigitsOnly
                placeholderText: "0"
                onActiveFocusChanged: {
                    if (!activeFocus)
                        return
                    countView.currentIndex = line.index
                    screen.typedCount = text
                }
                onTextChanged: if (activeFocus) screen.typedCount = text
                // Leaving the field keeps what was typed, or shows the count kept again.
                onEditingFinished: {
                    if (!activeFocus && !screen.denominations.setCount(line.index, text))
                        text = Qt.binding(line.shown)
                }
                Keys.onReturnPressed: (event) => {
                    event.accepted = true
                    if (line.commit())
                        screen.focusRow(line.index + 1)
                }
                Keys.onEnterPressed: (event) => {
                    event.accepted = true
                    if (line.commit())
                        screen.focusRow(line.index + 1)
                }
                Keys.onUpPressed: screen.focusRow(line.index - 1)
                Keys.onDownPressed: screen.focusRow(line.index + 1)
            }
            Label {
                text: "="
                color: Theme.muted
                font.pixelSize: Theme.fontLarge
            }
            Label {
                text: line.subtotal
                font.pixelSize: Theme.fontLarge
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
            }
        }
    }

    // The drawer and its last report.
    FocusScope {
        id: drawerView
        anchors.fill: parent
        visible: screen.view === "drawer"

        RowLayout {
            anchors.fill: parent
            anchors.margins: 12
            spacing: 12

            ColumnLayout {
                Layout.preferredWidth: 380
                Layout.maximumWidth: 380
                Layout.fillHeight: true
                spacing: Theme.spacing

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: status.implicitHeight + 24
                    radius: Theme.radius
                    color: CashDrawer.open ? "#dafbe1" : Theme.warningBackground
                    border.color: Theme.line
                    ColumnLayout {
                        id: status
                        anchors.fill: parent
                        anchors.margins: 12
                        Label {
                            objectName: "drawerState"
                            text: CashDrawer.open ? qsTr("Drawer open") : qsTr("Drawer closed")
                            font.pixelSize: Theme.fontHuge
                            font.bold: true
                            // Longer in some languages: smaller rather than over the edge.
                            Layout.fillWidth: true
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.fontLarge
                        }
                        Label {
                            text: CashDrawer.open
                                  ? qsTr("Opened by %1 at %2").arg(CashDrawer.openedBy)
                                        .arg(CashDrawer.openedAtText)
                                  : qsTr("Open it with a float to take payments and pay refunds.")
                            font.pixelSize: Theme.fontNormal
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: CashDrawer.open
                            text: qsTr("Float %1").arg(CashDrawer.openingFloatText)
                            font.pixelSize: Theme.fontNormal
                        }
                    }
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    rowSpacing: Theme.spacing
                    columnSpacing: Theme.spacing
                    KeyButton {
                        objectName: "openDrawerButton"
                        text: qsTr("Open drawer"); key: "F2"
                        Layout.fillWidth: true; Layout.columnSpan: 2
                        enabled: !CashDrawer.open
                        tint: Theme.pay; ink: Theme.accentText
                        onClicked: screen.askFloat()
                    }
                    KeyButton {
                        text: qsTr("Paid in"); key: "F3"
                        Layout.fillWidth: true; enabled: CashDrawer.open
                        onClicked: screen.askMovement(true)
                    }
                    KeyButton {
                        text: qsTr("Paid out"); key: "F4"
                        Layout.fillWidth: true; enabled: CashDrawer.open
                        onClicked: screen.askMovement(false)
                    }
                    KeyButton {
                        text: qsTr("X report"); key: "F5"
                        Layout.fillWidth: true; enabled: CashDrawer.open
                        onClicked: screen.xReport()
                    }
                    KeyButton {
                        text: qsTr("Reprint report"); key: "F7"
                        Layout.fillWidth: true; enabled: CashDrawer.hasReport
                        onClicked: screen.reprint()
                    }
                    KeyButton {
                        objectName: "closeDrawerButton"
                        text: qsTr("Count and close"); key: "F6"
                        Layout.fillWidth: true; Layout.columnSpan: 2
                        enabled: CashDrawer.open
                        ink: Theme.danger
                        onClicked: screen.startCount()
                    }
                }
                Item { Layout.fillHeight: true }
                KeyButton {
                    text: qsTr("Back to sale"); key: qsTr("Esc")
                    Layout.fillWidth: true
                    onClicked: screen.back()
                }
            }

            // The last report as the printer prints it.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                Label {
                    text: CashDrawer.hasReport ? CashDrawer.reportTitle : qsTr("No report yet")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                // The outcome of the close, without scrolling the report.
                Rectangle {
                    Layout.fillWidth: true
                    visible: CashDrawer.reportIsZ
                    implicitHeight: outcome.implicitHeight + 20
                    radius: Theme.radius
                    color: Theme.panel
                    border.color: Theme.line
                    RowLayout {
                        id: outcome
                        anchors.fill: parent
                        anchors.margins: 10
                        spacing: 24
                        Label {
                            text: qsTr("Expected %1").arg(CashDrawer.expectedText)
                            font.pixelSize: Theme.fontLarge
                        }
                        Label {
                            text: qsTr("Counted %1").arg(CashDrawer.countedText)
                            font.pixelSize: Theme.fontLarge
                        }
                        Item { Layout.fillWidth: true }
                        Label {
                            objectName: "overShort"
                            text: CashDrawer.overShortText
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: CashDrawer.balanced ? Theme.pay : Theme.danger
                        }
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: "#fffef5"
                    border.color: Theme.line
                    clip: true
                    Flickable {
                        id: paper
                        anchors.fill: parent
                        anchors.margins: 10
                        contentHeight: reportText.implicitHeight
                        boundsBehavior: Flickable.StopAtBounds
                        Text {
                            id: reportText
                            objectName: "cashReportText"
                            width: paper.width
                            text: CashDrawer.reportText
                            font.family: "DejaVu Sans Mono"
                            font.pixelSize: 14
                            color: "#222222"
                        }
                        ScrollBar.vertical: ScrollBar {}
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: !CashDrawer.hasReport
                        text: qsTr("An X report shows the session so far; closing the drawer gives the Z report.")
                        color: Theme.muted
                        width: parent.width - 40
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
                Label {
                    visible: screen.savedTo.length > 0
                    text: qsTr("Saved to %1").arg(screen.savedTo)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.muted
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    KeyButton {
                        text: qsTr("Print"); key: "F9"
                        Layout.fillWidth: true
                        enabled: CashDrawer.hasReport && CashDrawer.printerConfigured
                        onClicked: screen.print()
                    }
                    KeyButton {
                        text: qsTr("Store's day"); key: "F8"
                        Layout.fillWidth: true
                        onClicked: screen.showDay()
                    }
                    KeyButton {
                        text: qsTr("Save PDF"); key: "F10"
                        Layout.fillWidth: true
                        enabled: CashDrawer.hasReport
                        onClicked: screen.savePdf()
                    }
                }
            }
        }
    }

    // The store's day, as the server's day report gives it.
    component DayList: Rectangle {
        id: dayList
        required property string title
        required property DayRows rows
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Theme.panel
        border.color: Theme.line
        radius: Theme.radius
        clip: true
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 8
            Label { text: dayList.title; font.bold: true }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: dayList.rows
                delegate: RowLayout {
                    id: dayRow
                    required property string label
                    required property string first
                    required property string second
                    required property string third
                    width: ListView.view.width
                    Label { text: dayRow.label; font.bold: true; Layout.preferredWidth: 120 }
                    Label { text: dayRow.first; Layout.fillWidth: true }
                    Label { text: dayRow.second; Layout.fillWidth: true }
                    Label { text: dayRow.third; color: Theme.muted; Layout.fillWidth: true }
                }
            }
        }
    }
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing
        visible: screen.view === "day"

        Label {
            text: qsTr("The store's day %1").arg(screen.day.dateText)
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            objectName: "daySummary"
            text: screen.day.loading ? qsTr("Asking the server…")
                                     : screen.day.error !== "" ? screen.day.error
                                                               : screen.day.summaryText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        DayList { title: qsTr("By till"); rows: screen.day.tills }
        DayList { title: qsTr("By payment method"); rows: screen.day.tenders }
        DayList { title: qsTr("By tax rate"); rows: screen.day.taxRates }
        Label {
            text: screen.day.openDrawersText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: screen.day.notHeardText
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        KeyButton {
            text: qsTr("Back to the drawer"); key: qsTr("Esc")
            onClicked: screen.view = "drawer"
        }
    }

    // Counting the drawer, one denomination after another.
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: Theme.spacing
        visible: screen.view === "count"

        Label {
            text: qsTr("Count the drawer")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Label {
            text: qsTr("Type how many of each note and coin, Enter for the next. What the drawer should hold is on the Z report.")
            color: Theme.muted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.panel
            border.color: Theme.line
            radius: Theme.radius
            clip: true
            ListView {
                id: countView
                objectName: "countView"
                anchors.fill: parent
                anchors.margins: 1
                model: screen.denominations
                currentIndex: 0
                boundsBehavior: Flickable.StopAtBounds
                highlightMoveDuration: 0
                delegate: CountRow {}
                ScrollBar.vertical: ScrollBar {}
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KeyButton {
                text: qsTr("Cancel"); key: qsTr("Esc")
                onClicked: screen.cancelCount()
            }
            Label {
                objectName: "countedTotal"
                text: qsTr("Counted %1").arg(screen.denominations.totalText)
                font.pixelSize: Theme.fontHuge
                font.bold: true
                horizontalAlignment: Text.AlignRight
                Layout.fillWidth: true
            }
            KeyButton {
                text: qsTr("Close drawer, Z report"); key: "F12"
                tint: Theme.pay; ink: Theme.accentText
                onClicked: screen.finishCount()
            }
        }
    }

    Shortcut { sequence: "F2"; enabled: screen.drawerKeys; onActivated: screen.askFloat() }
    Shortcut { sequence: "F3"; enabled: screen.drawerKeys; onActivated: screen.askMovement(true) }
    Shortcut { sequence: "F4"; enabled: screen.drawerKeys; onActivated: screen.askMovement(false) }
    Shortcut { sequence: "F5"; enabled: screen.drawerKeys && CashDrawer.open; onActivated: screen.xReport() }
    Shortcut { sequence: "F6"; enabled: screen.drawerKeys; onActivated: screen.startCount() }
    Shortcut { sequence: "F7"; enabled: screen.drawerKeys && CashDrawer.hasReport; onActivated: screen.reprint() }
    Shortcut { sequence: "F9"; enabled: screen.drawerKeys; onActivated: screen.print() }
    Shortcut { sequence: "F10"; enabled: screen.drawerKeys; onActivated: screen.savePdf() }
    Shortcut { sequence: "F8"; enabled: screen.drawerKeys; onActivated: screen.showDay() }
    Shortcut { sequence: "Esc"; enabled: screen.dayKeys; onActivated: screen.view = "drawer" }
    Shortcut { sequence: "Esc"; enabled: screen.drawerKeys; onActivated: screen.back() }
    Shortcut { sequence: "F12"; enabled: screen.countKeys; onActivated: screen.finishCount() }
    Shortcut { sequence: "Esc"; enabled: screen.countKeys; onActivated: screen.cancelCount() }

    EntryDialog {
        id: floatDialog
        objectName: "floatDialog"
        onAccepted: (text) => CashDrawer.openDrawer(text)
        onClosed: screen.refocus()
    }

    // Cash in or out of the drawer: how much, and why.
    Popup {
        id: movementDialog
        objectName: "movementDialog"

        property bool paidIn: true

        function ask(paidInNow) {
            paidIn = paidInNow
            amountField.text = ""
            reasonField.text = ""
            open()
        }
        function accept() {
            const amount = amountField.text
            const reason = reasonField.text
            close()
            if (paidIn)
                CashDrawer.payIn(amount, reason)
            else
                CashDrawer.payOut(amount, reason)
        }

        modal: true
        focus: true
        anchors.centerIn: Overlay.overlay
        width: 460
        padding: 20
        closePolicy: Popup.CloseOnEscape
        onOpened: amountField.forceActiveFocus()
        onClosed: screen.refocus()

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                text: movementDialog.paidIn ? qsTr("Paid in") : qsTr("Paid out")
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Label {
                text: movementDialog.paidIn
                      ? qsTr("Cash put into the drawer, such as a float top-up")
                      : qsTr("Cash taken out, such as a supplier paid or a drop to the safe")
                color: Theme.muted
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: amountField
                objectName: "movementAmount"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("Amount")
                Keys.onReturnPressed: reasonField.forceActiveFocus()
                Keys.onEnterPressed: reasonField.forceActiveFocus()
            }
            TextField {
                id: reasonField
                objectName: "movementReason"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                font.pixelSize: Theme.fontLarge
                placeholderText: qsTr("Reason (required)")
                Keys.onReturnPressed: movementDialog.accept()
                Keys.onEnterPressed: movementDialog.accept()
            }
            RowLayout {
                Layout.fillWidth: true
                KeyButton {
                    text: qsTr("Cancel"); key: qsTr("Esc")
                    Layout.fillWidth: true
                    onClicked: movementDialog.close()
                }
                KeyButton {
                    text: qsTr("OK"); key: qsTr("Enter")
                    tint: Theme.accent; ink: Theme.accentText
                    Layout.fillWidth: true
                    onClicked: movementDialog.accept()
                }
            }
        }
    }
}
