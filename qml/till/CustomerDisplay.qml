import QtQuick
import QtQuick.Controls
import Stockline.Qml

// The customer-facing display (issue 23): a second window, on a second screen when there is
// one, showing the total while the sale is rung up and the change once it is paid
// (`stockline --customer-display`, or `customerDisplay` in the terminal's setup).
Window {
    id: display
    objectName: "customerDisplay"

    readonly property bool selling: Till.cart.count > 0
    readonly property bool paid: !selling && Till.lastReceipt.length > 0 && !Till.lastWasRefund

    title: qsTr("Customer display")
    width: 800
    height: 480
    visible: true
    color: "black"
    // qmllint disable
    // Qt 6.4's qmllint does not know Qt.application.screens; the last screen is the customer's.
    screen: Qt.application.screens[Qt.application.screens.length - 1]
    // qmllint enable

    Column {
        anchors.centerIn: parent
        spacing: 24
        Label {
            objectName: "customerCaption"
            anchors.horizontalCenter: parent.horizontalCenter
            color: "white"
            font.pixelSize: 40
            text: display.selling ? qsTr("Total") : display.paid ? qsTr("Your change") : qsTr("Welcome")
        }
        Label {
            objectName: "customerAmount"
            anchors.horizontalCenter: parent.horizontalCenter
            color: "white"
            font.pixelSize: 96
            font.bold: true
            text: display.selling ? Till.cart.totalText : display.paid ? Till.lastChangeText : ""
        }
        Label {
            objectName: "customerPaidTotal"
            anchors.horizontalCenter: parent.horizontalCenter
            color: "#bbbbbb"
            font.pixelSize: 32
            visible: display.paid
            text: qsTr("Total paid %1").arg(Till.lastTotalText)
        }
    }
}
