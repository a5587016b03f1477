#pragma once

// Showing a widget under test and waiting for the window system, as every GUI suite does before driving it.

#include <QTest>
#include <QWidget>

namespace cs::test {

// Shows the widget; true once the window system has exposed it.
inline bool showExposed(QWidget &widget)
{
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

// Shows and activates the widget (key events reach it); true once it is exposed and active.
inline bool showActive(QWidget &widget)
{
    if (!showExposed(widget))
        return false;
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

} // namespace cs::test
