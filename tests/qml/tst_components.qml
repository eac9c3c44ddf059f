import QtQuick
import QtTest
import Stockline.Pos

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
