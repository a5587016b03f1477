#pragma once

class QWidget;

namespace cs {

// Help ▸ Keyboard shortcuts (Ctrl+1 … Ctrl+`tabCount`) and Help ▸ About.
void showShortcutsHelp(QWidget *parent, int tabCount);
void showAbout(QWidget *parent);

} // namespace cs
