pragma Singleton
import QtQuick

// Colours and sizes of every screen: large touch targets, high contrast for a bright shop.
QtObject {
    readonly property color background: "#f4f5f7"
    readonly property color panel: "#ffffff"
    readonly property color text: "#1d2430"
    readonly property color muted: "#5d6776"
    readonly property color accent: "#1f6feb"
    readonly property color accentText: "#ffffff"
    readonly property color pay: "#1a7f37"
    readonly property color danger: "#cf222e"
    readonly property color warning: "#9a6700"
    readonly property color warningBackground: "#fff8c5"
    readonly property color selection: "#ddeaff"
    readonly property color line: "#d0d7de"

    readonly property int touch: 64 // the smallest button: a thumb, not a mouse pointer
    readonly property int rowHeight: 60
    readonly property int spacing: 8
    readonly property int radius: 6

    readonly property int fontSmall: 14
    readonly property int fontNormal: 17
    readonly property int fontLarge: 22
    readonly property int fontHuge: 38
}
