#pragma once

// Answers the modal dialogs an action opens, in order, as a user would: each step waits for the next modal
// widget (QApplication::activeModalWidget), looks at it and clicks a button. A dialog no step expects is
// recorded in unexpected() and closed, so a test fails instead of hanging.
#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

#include <deque>
#include <functional>

namespace cs::test {

class ModalAnswerer : public QObject
{
public:
    using Step = std::function<void(QWidget *modal)>;

    // The newest answerer answers; one made earlier in the same test stops looking.
    ModalAnswerer()
    {
        current() = this;
        connect(&mTimer, &QTimer::timeout, this, &ModalAnswerer::tick);
        mTimer.start(10);
    }
    ~ModalAnswerer() override
    {
        if (current() == this)
            current() = nullptr;
    }

    ModalAnswerer &then(Step step)
    {
        mSteps.push_back(std::move(step));
        return *this;
    }

    // Clicks a message box's standard button (Save, Discard, Cancel, Ok, Yes) with the mouse.
    ModalAnswerer &press(QMessageBox::StandardButton which) { return then(pressStep(which)); }
    // The same as a step, to wrap in one of the test's own.
    Step pressStep(QMessageBox::StandardButton which)
    {
        return [this, which](QWidget *modal) {
            click(modal, [which](QMessageBox *box) { return box->button(which); });
        };
    }
    // Clicks the message box button whose text (without '&') starts with `text` ("Recover", "Save As").
    ModalAnswerer &press(const QString &text)
    {
        return then([this, text](QWidget *modal) {
            click(modal, [text](QMessageBox *box) -> QAbstractButton * {
                for (QAbstractButton *b : box->buttons())
                    if (b->text().remove(QLatin1Char('&')).startsWith(text))
                        return b;
                return nullptr;
            });
        });
    }
    // Picks a file in a file dialog and accepts it; `before` runs just before (e.g. to change credentials).
    ModalAnswerer &chooseFile(const QString &path, std::function<void()> before = {})
    {
        return then([this, path, before](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            if (!dialog) {
                refuse(modal, QStringLiteral("expected a file dialog"));
                return;
            }
            // Typed into the file name box, then the Save/Open button clicked.
            dialog->selectFile(path);
            if (auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                edit->setText(path);
            if (before)
                before();
            auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
            QPushButton *accept = buttons ? qobject_cast<QPushButton *>(buttons->buttons().value(0)) : nullptr;
            for (QAbstractButton *b : buttons ? buttons->buttons() : QList<QAbstractButton *>())
                if (buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
                    accept = qobject_cast<QPushButton *>(b);
            if (accept && accept->isEnabled())
                QTest::mouseClick(accept, Qt::LeftButton);
            else
                static_cast<QDialog *>(dialog)->accept();
        });
    }

    bool done() const { return mSteps.empty(); }
    // Each message box seen: "title | text | informative text | its buttons in alphabetical order"
    const QStringList &boxes() const { return mBoxes; }
    const QStringList &unexpected() const { return mUnexpected; }

    // How every test ends its dialogs: waits until each step has run (a minute at most, a bound generous on a
    // loaded machine), then `settleMs` more for a dialog that must not follow (a file dialog after Cancel).
    // True when every step ran and no dialog came that no step expected; failure() then says what did not.
    // Use: QVERIFY2(answers.answeredAsExpected(), qPrintable(answers.failure()));
    [[nodiscard]] bool answeredAsExpected(int settleMs = 0)
    {
        const bool allRan = QTest::qWaitFor([this] { return done(); }, 60000);
        if (settleMs > 0)
            QTest::qWait(settleMs);
        return allRan && mUnexpected.isEmpty();
    }
    QString failure() const
    {
        QStringList what = mUnexpected;
        if (!done())
            what.prepend(QStringLiteral("%1 step(s) never reached").arg(mSteps.size()));
        if (!mBoxes.isEmpty())
            what << QStringLiteral("boxes answered: ") + mBoxes.join(QStringLiteral(" // "));
        return what.join(QStringLiteral("; "));
    }

private:
    static ModalAnswerer *&current()
    {
        static ModalAnswerer *answerer = nullptr;
        return answerer;
    }

    void tick()
    {
        if (current() != this)
            return;
        QWidget *modal = QApplication::activeModalWidget();
        // A dialog already answered may still show for a moment once the one it opened has closed.
        if (!modal || !modal->isVisible() || mSeen.contains(modal))
            return;
        mSeen << QPointer<QWidget>(modal);
        saveShot(modal);
        if (mSteps.empty()) {
            QTimer::singleShot(0, this, [this, target = QPointer<QWidget>(modal)] {
                if (target)
                    refuse(target, QStringLiteral("no step expected it"));
            });
            return;
        }
        Step step = std::move(mSteps.front());
        mSteps.pop_front();
        // Answered from the event loop, not inside this timer's slot: a click that opens the next dialog (the
        // file dialog's "replace it?") runs its own loop, and this timer must fire in it to answer that one too.
        QTimer::singleShot(0, this, [step = std::move(step), target = QPointer<QWidget>(modal)] {
            if (target)
                step(target);
        });
    }

    // With CS_TEST_DIALOG_SHOTS=FOLDER, each dialog is saved as a PNG there, to look at as a user would.
    static void saveShot(QWidget *modal)
    {
        const QString folder = qEnvironmentVariable("CS_TEST_DIALOG_SHOTS");
        if (folder.isEmpty())
            return;
        static int count = 0;
        modal->grab().save(QStringLiteral("%1/%2-%3-%4.png")
                               .arg(folder, QCoreApplication::applicationName())
                               .arg(++count, 2, 10, QLatin1Char('0'))
                               .arg(QString::fromLatin1(modal->metaObject()->className()).remove(QStringLiteral("cs::"))));
    }

    void click(QWidget *modal, const std::function<QAbstractButton *(QMessageBox *)> &find)
    {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box) {
            refuse(modal, QStringLiteral("expected a message box"));
            return;
        }
        QStringList buttons;
        for (QAbstractButton *b : box->buttons())
            buttons << b->text().remove(QLatin1Char('&'));
        buttons.sort(); // the platform decides their order on screen
        mBoxes << QStringLiteral("%1 | %2 | %3 | %4").arg(box->windowTitle(), box->text(), box->informativeText(),
                                                         buttons.join(QStringLiteral(", ")));
        QAbstractButton *button = find(box);
        if (!button) {
            refuse(modal, QStringLiteral("the button is not there"));
            return;
        }
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void refuse(QWidget *modal, const QString &why)
    {
        QString text = QString::fromLatin1(modal->metaObject()->className());
        if (auto *box = qobject_cast<QMessageBox *>(modal))
            text += QStringLiteral(" \"%1 %2\"").arg(box->text(), box->informativeText());
        mUnexpected << QStringLiteral("%1: %2").arg(text, why);
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
    }

    QTimer mTimer;
    std::deque<Step> mSteps;
    QList<QPointer<QWidget>> mSeen;
    QStringList mBoxes;
    QStringList mUnexpected;
};

} // namespace cs::test
