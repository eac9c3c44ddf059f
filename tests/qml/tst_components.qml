import QtQuick
import QtTest
import Stockline.Qml

Item {
    id: root
    width: 800
    height: 600

    KeyButton {
        id: button
        text: qsTr("Pay")
        key: "F12"
    }

    ScanField {
        id: field
        y: 100
        width: 600
        property string lastText: ""
        property int lastBurst: -1
        onSubmitted: (text, burst) => { lastText = text; lastBurst = burst }
    }

    EntryDialog {
        id: dialog
    }

    LevelChart {
        id: chart
        y: 200
        width: 316
        height: 140
    }

    ChoiceBox {
        id: choice
        y: 350
        width: 240
        model: ["store-1", "backroom-1", "dock-1"]
    }

    DeliveryRow {
        id: delivery
        y: 420
        width: 700
        reference: "PO-2026-0042"
        supplier: "Meadow Gold Dairy"
        location: "store-1"
        lines: 3
        expected: 84
        received: 12
        rejected: 0
        deliveryState: "partial"
    }

    SignalSpy { id: clicked; target: button; signalName: "clicked" }
    SignalSpy { id: accepted; target: dialog; signalName: "accepted" }

    TestCase {
        name: "Components"
        when: windowShown

        function init() {
            field.text = ""
            field.lastText = ""
            field.lastBurst = -1
            field.forceActiveFocus()
        }

        function test_keyButton_isATouchTargetThatLeavesTheFocus() {
            verify(button.height >= Theme.touch)
            compare(button.focusPolicy, Qt.NoFocus)
            mouseClick(button)
            compare(clicked.count, 1)
            verify(field.activeFocus)
        }

        function test_scanField_aBurstIsAScan() {
            for (const c of "5051866038503")
                keyClick(c)
            keyClick(Qt.Key_Return)
            compare(field.lastText, "5051866038503")
            compare(field.lastBurst, 13)
        }

        function test_scanField_typingIsNoScan() {
            for (const c of "12345678") {
                wait(70)
                keyClick(c)
            }
            wait(70)
            keyClick(Qt.Key_Return)
            compare(field.lastText, "12345678")
            compare(field.lastBurst, 0)
        }

        function test_scanField_scanAfterTypedQuantity() {
            keyClick("3")
            wait(80)
            keyClick("*")
            wait(80)
            for (const c of "696894892502")
                keyClick(c)
            keyClick(Qt.Key_Return)
            compare(field.lastText, "3*696894892502")
            compare(field.lastBurst, 12)
        }

        function test_levelChart_scalesTimeAcrossAndUnitsUp() {
            chart.points = [{ t: 1000, v: 0 }, { t: 2000, v: 5 }, { t: 5000, v: 10 }]
            const s = chart.scaled(400, 114)
            compare(s.top, 10)
            compare(s.points.length, 3)
            compare(s.points[0].x, 0)
            compare(s.points[1].x, 100)
            compare(s.points[2].x, 400)
            compare(s.points[0].y, 114) // nothing: on the bottom line
            compare(s.points[1].y, 64)
            compare(s.points[2].y, chart.headroom) // the highest level, its figure above it
            tryCompare(chart, "drawnPoints", 3)
        }

        function test_levelChart_onePointAtTheRightAndNothingToDraw() {
            chart.points = [{ t: 1000, v: 4 }]
            const one = chart.scaled(200, 100)
            compare(one.points[0].x, 200)
            compare(one.points[0].y, chart.headroom)
            tryCompare(chart, "drawnPoints", 1)
            chart.points = [{ t: 1000, v: 0 }, { t: 3000, v: 0 }]
            compare(chart.scaled(200, 100).top, 1) // all empty: no division by zero
            compare(chart.scaled(200, 100).points[1].y, 100)
            chart.points = []
            compare(chart.scaled(200, 100).points.length, 0)
            tryCompare(chart, "drawnPoints", 0)
        }

        function test_choiceBox_textArrowAndKeys() {
            compare(choice.indicator.text, "▾") // no style image: see ChoiceBox.qml
            verify(!(choice.indicator instanceof Image))
            choice.currentIndex = 0
            choice.forceActiveFocus()
            keyClick(Qt.Key_Down)
            compare(choice.currentText, "backroom-1")
            keyClick(Qt.Key_Up)
            compare(choice.currentText, "store-1")
        }

        function test_deliveryRow_statesInWordsAndColour_data() {
            return [
                { tag: "expected", state: "expected", received: 0, rejected: 0,
                  text: "0 of 84 received", color: Theme.text, done: false },
                { tag: "partial", state: "partial", received: 12, rejected: 1,
                  text: "12 of 84 received, 1 refused", color: Theme.text, done: false },
                { tag: "complete", state: "complete", received: 84, rejected: 0,
                  text: "Complete · 84 of 84 received", color: Theme.pay, done: true },
                { tag: "refused", state: "refused", received: 80, rejected: 4,
                  text: "Done · 80 of 84 received, 4 refused", color: Theme.warning, done: true },
            ]
        }
        function test_deliveryRow_statesInWordsAndColour(data) {
            delivery.received = data.received
            delivery.rejected = data.rejected
            delivery.deliveryState = data.state
            compare(delivery.statusText, data.text)
            verify(Qt.colorEqual(delivery.statusColor, data.color))
            compare(delivery.done, data.done)
            const shown = findChild(delivery, "deliveryStatus")
            compare(shown.text, data.text)
        }

        function test_entryDialog_enterAccepts() {
            dialog.ask("Quantity", "", "")
            tryCompare(dialog, "opened", true)
            keyClick("7")
            keyClick(Qt.Key_Return)
            compare(accepted.count, 1)
            compare(accepted.signalArguments[0][0], "7")
            tryCompare(dialog, "opened", false)
        }
    }
}
