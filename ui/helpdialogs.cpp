#include "helpdialogs.h"

#include <QApplication>
#include <QMessageBox>

namespace cs {

void showShortcutsHelp(QWidget *parent, int tabCount)
{
    QMessageBox::information(
        parent, QApplication::translate("MainWindow", "Keyboard shortcuts"),
        QApplication::translate("MainWindow",
                                "<table>"
                                "<tr><td>Ctrl+1 … Ctrl+%1</td><td>switch tabs</td></tr>"
                                "<tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>undo / redo pool and policy edits</td></tr>"
                                "<tr><td>Ctrl+I</td><td>import a trace</td></tr>"
                                "<tr><td>Ctrl+E / Ctrl+P</td><td>export a chart / a PDF report</td></tr>"
                                "<tr><td>Ctrl+0</td><td>whole scenario on the timeline</td></tr>"
                                "<tr><td>Shift+drag</td><td>totals for a period; Esc clears it</td></tr>"
                                "<tr><td>Right-click a legend entry</td><td>a policy's colour</td></tr>"
                                "<tr><td>F5, Space, ← / →</td><td>teaching mode, play/pause, one step back / on</td></tr>"
                                "<tr><td>F11</td><td>presentation: teaching mode full screen in large type (Esc "
                                "leaves)</td></tr>"
                                "<tr><td>F2</td><td>edit the selected pool cell</td></tr>"
                                "<tr><td>Ctrl+N / Ctrl+O / Ctrl+Shift+S</td><td>new / open / save project as</td></tr>"
                                "</table>")
            .arg(tabCount));
}

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, QApplication::translate("MainWindow", "About CarbonScope"),
                       QApplication::translate(
                           "MainWindow",
                           "<b>CarbonScope %1</b><p>Carbon-intensity-aware adaptive inference of DNNs: which model "
                           "should serve requests as the grid's carbon intensity changes (after Jung 2024).</p>"
                           "<p>Default scenario: the paper's experiment (its four ResNets, ResNet50 as baseline) on "
                           "South West England carbon intensity (NESO) and English Wikipedia hourly page views, "
                           "June 2023; sources in data/SOURCES.md, the comparison with the paper in "
                           "docs/reproduction.md.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace cs
