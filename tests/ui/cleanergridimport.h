#pragma once

// An import as a user makes it, written once for the suites that bring in a new carbon trace (from the menu, by
// dropping a file): the tiny scenario shown in a window, the cleaner grid's CSV written beside it, and the import
// dialog answered as a carbon trace with Import pressed. Each test then only opens the dialog its own way.
#include "fixture_files.h"
#include "modalanswerer.h"
#include "uitestfixture.h"

#include "importdialog.h"

#include <QTemporaryDir>

namespace cs::test {

// A carbon trace over the tiny scenario's three hours at 50, 60, 70 gCO2/kWh.
inline const QByteArray CleanerGridCsv =
    "datetime,intensity\n2023-06-01T00:00:00,50\n2023-06-01T01:00:00,60\n2023-06-01T02:00:00,70\n";

struct CleanerGridImport
{
    CleanerGridImport()
    {
        showTinyScenario(window);
        answers.then([this](QWidget *modal) {
            auto *dialog = qobject_cast<ImportDialog *>(modal);
            QVERIFY(dialog);
            dialogPath = dialog->request().path;
            dialog->setKind(ImportRequest::Kind::Carbon);
            dialog->startImport(); // accepts itself when the worker has read the file
        });
    }

    QTemporaryDir dir;
    // Empty where the file could not be written whole (QVERIFY(!path.isEmpty()) before importing).
    const QString path = writeFixture(dir, QStringLiteral("cleaner grid.csv"), CleanerGridCsv);
    MainWindow window;
    ModalAnswerer answers;
    QString dialogPath; // the file the import dialog was opened on
};

} // namespace cs::test
