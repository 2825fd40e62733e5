"""One contract in full (issue 11): its terms with the state and signature, signing an offer with the
typed name, its figures so far, a fixed fee's milestones, the feedback with its chart and the method
of its overall score, and the reviews both ways. Shows a ContractView; the screen acts on the signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coapp.domain.contracts import FeeModel
from coapp.domain.milestones import MilestoneState
from coapp.ui.contracts.facts import FactsCard
from coapp.ui.contracts.texts import (
    STATE_CHIPS,
    author_text,
    fee_text,
    feedback_method,
    milestone_text,
    own_text,
    per_text,
    rounding_text,
    state_text,
)
from coapp.ui.invoices.formats import InvoiceFormats
from coapp.ui.theme import Chip, Space, set_role
from coapp.ui.toolkit import Card, ChipLabel, make_button

if TYPE_CHECKING:
    from coapp.services.contract_view import ContractView, ReviewView
    from coapp.ui.contracts.feedback_chart import FeedbackChart
    from coapp.ui.formats import Formats


def _label(parent: QWidget, name: str, role: str = "") -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the platform's words are text, never markup
    if role:
        set_role(label, role)
    return label


class ContractDetail(QWidget):
    signRequested = Signal(str)  # the typed name
    reviewRequested = Signal()
    milestoneInvoiceRequested = Signal(str)  # the milestone's id

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.view: ContractView | None = None
        self.chart: FeedbackChart | None = None  # made with the first feedback shown
        self.title = _label(self, "contractDetailTitle", "title")
        self.state = ChipLabel("contractState", self)
        self.client = _label(self, "contractDetailClient", "subtitle")
        self.terms = FactsCard(
            "contractTerms",
            self.tr("Terms"),
            {
                "scope": self.tr("Scope"),
                "period": self.tr("Period"),
                "fee": self.tr("Fee"),
                "hours": self.tr("Hours per day"),
                "rounding": self.tr("Time rounding"),
                "payment": self.tr("Payment terms"),
                "commission": self.tr("Commission"),
                "signature": self.tr("Signature"),
            },
            self,
        )
        self._build_signing()
        self.figures = FactsCard(
            "contractFigures",
            self.tr("So far"),
            {
                "reported": self.tr("Reported"),
                "invoiced": self.tr("Invoiced"),
                "value": self.tr("Agreement value"),
                "vat": self.tr("VAT on it"),
                "commission": self.tr("Commission"),
                "payout": self.tr("You are paid"),
                "budget": self.tr("Fixed fee"),
                "left": self.tr("Left of the fee"),
            },
            self,
        )
        self._build_milestones()
        self._build_feedback()
        self._build_reviews()
        top = QHBoxLayout()
        top.setSpacing(Space.S)
        top.addWidget(self.title, 1)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.L)
        heading = QVBoxLayout()
        heading.setSpacing(Space.XS)
        heading.addLayout(top)
        heading.addWidget(self.client)
        layout.addLayout(heading)
        for card in (self.terms, self.figures, self.milestones, self.feedback, self.reviews):
            layout.addWidget(card)
        layout.addStretch(1)

    # --- building ----------------------------------------------------------------------------

    def _build_signing(self) -> None:
        self.signing = QWidget(self.terms)
        self.signing.setObjectName("contractSigning")
        box = QVBoxLayout(self.signing)
        box.setContentsMargins(0, Space.S, 0, 0)
        self.sign_hint = _label(self.signing, "signHint", "hint")
        self.sign_hint.setText(
            self.tr("Read the terms above. To sign, type your full name and confirm; the platform records the time and the version of the terms you signed.")  # noqa: E501
        )  # fmt: skip
        self.sign_name = QLineEdit(self.signing)
        self.sign_name.setObjectName("signNameInput")
        self.sign_name.setAccessibleName(self.tr("Your full name"))
        self.sign_name.setPlaceholderText(self.tr("Your full name"))
        self.sign_name.setMaximumWidth(Space.XL * 12)
        self.sign_agree = QCheckBox(self.tr("I have read these terms and agree to them"), self.signing)
        self.sign_agree.setObjectName("signAgreeCheck")
        self.sign_button = make_button(
            self.signing, "signContractButton", self.tr("Sign contract"),
            self.tr("Sign these terms with the name typed (needs the platform)"), self._sign,
        )  # fmt: skip
        self.sign_name.returnPressed.connect(self._sign)
        for widget in (self.sign_name, self.sign_agree):
            (widget.textChanged if isinstance(widget, QLineEdit) else widget.toggled).connect(
                self._sign_ready
            )
        row = QHBoxLayout()
        row.addWidget(self.sign_name, 1)
        row.addWidget(self.sign_button)
        row.addStretch(0)
        box.addWidget(self.sign_hint)
        box.addWidget(self.sign_agree)
        box.addLayout(row)
        self.terms.body.addWidget(self.signing)
        self._sign_ready()

    def _build_milestones(self) -> None:
        self.milestones = Card("contractMilestones", self)
        heading = QLabel(self.tr("Milestones"), self.milestones)
        set_role(heading, "subtitle")
        self.milestone_list = QTreeWidget(self.milestones)
        self.milestone_list.setObjectName("milestoneList")
        self.milestone_list.setAccessibleName(self.tr("Milestones"))
        self.milestone_list.setRootIsDecorated(False)
        self.milestone_list.setUniformRowHeights(True)
        self.milestone_list.setHeaderLabels(
            [self.tr("Milestone"), self.tr("Due"), self.tr("Amount"), self.tr("State")]
        )
        self.milestone_list.currentItemChanged.connect(lambda *_: self._milestone_ready())
        self.milestone_list.itemActivated.connect(lambda *_: self._invoice_milestone())
        self.invoice_button = make_button(
            self.milestones, "milestoneInvoiceButton", self.tr("Draft the invoice…"),
            self.tr("Draft the invoice to the platform for the chosen milestone when it is ready"),
            self._invoice_milestone,
        )  # fmt: skip
        self.milestone_hint = _label(self.milestones, "milestoneHint", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.milestone_hint, 1)
        buttons.addWidget(self.invoice_button, 0, Qt.AlignmentFlag.AlignTop)
        self.milestones.body.addWidget(heading)
        self.milestones.body.addWidget(self.milestone_list)
        self.milestones.body.addLayout(buttons)

    def _build_feedback(self) -> None:
        self.feedback = Card("contractFeedback", self)
        heading = QLabel(self.tr("Feedback on your work"), self.feedback)
        set_role(heading, "subtitle")
        self.overall = _label(self.feedback, "feedbackOverall")
        self.method = _label(self.feedback, "feedbackMethod", "hint")
        self.method.setText(feedback_method())
        self.feedback_list = _label(self.feedback, "feedbackHistory")
        self.feedback_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.feedback_list.setAccessibleName(self.tr("Feedback history"))
        self.feedback_list.setAccessibleDescription(
            self.tr("Newest first: who gave it, the scores and the comment")
        )
        for widget in (heading, self.overall, self.method, self.feedback_list):
            self.feedback.body.addWidget(widget)

    def _build_reviews(self) -> None:
        self.reviews = Card("contractReviews", self)
        heading = QLabel(self.tr("Reviews"), self.reviews)
        set_role(heading, "subtitle")
        self.my_review = _label(self.reviews, "myReview")
        self.their_review = _label(self.reviews, "theirReview")
        self.review_button = make_button(
            self.reviews, "writeReviewButton", self.tr("Review the client…"),
            self.tr("Score the client from 1 to 5 and say a few words; sent once, never changed"),
            self.reviewRequested.emit,
        )  # fmt: skip
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.review_button)
        for widget in (heading, self.my_review, self.their_review):
            self.reviews.body.addWidget(widget)
        self.reviews.body.addLayout(row)

    # --- showing -----------------------------------------------------------------------------

    def show_contract(self, view: ContractView) -> None:
        same = self.view is not None and self.view.id == view.id
        self.view = view
        info, f = view.info, self.formats
        money = InvoiceFormats(f)
        self.title.setText(info.title)
        self.client.setText(info.client_name)
        platform = view.origin == "platform"
        self.state.set_chip(
            STATE_CHIPS[view.state] if platform else Chip.CREDITED,
            state_text(view.state) if platform else own_text(),
        )
        self.terms.set("scope", view.scope)
        self.terms.set("period", self._period(view))
        rate = money.money(info.rate, info.currency)
        self.terms.set("fee", f"{fee_text(info.fee_model)}: {rate} {per_text(info.fee_model)}")
        self.terms.set("hours", self._hours(info.minutes_per_day))
        fixed = info.fee_model is FeeModel.FIXED
        self.terms.set("rounding", "" if fixed else rounding_text(info.rounding))  # a fee is not time
        days = view.payment_terms_days
        self.terms.set(
            "payment",
            self.tr("1 day after the invoice date")
            if days == 1
            else self.tr("{days} days after the invoice date").format(days=days),
        )
        self.terms.set("commission", money.percent(info.commission_percent) if platform else "")
        self.terms.set("signature", self._signature(view))
        self.signing.setVisible(view.can_sign)
        if not same:
            self.sign_name.clear()
            self.sign_agree.setChecked(False)
        # An offer has no time, money or feedback yet: only its terms and the signature.
        self.figures.setVisible(view.in_force)
        self._show_figures(view)
        self._show_milestones(view)
        self._show_feedback(view, platform and view.in_force)
        self._show_reviews(view)

    def _period(self, view: ContractView) -> str:
        f, info = self.formats, view.info
        end = f.date(info.end_date) if info.end_date is not None else self.tr("until further notice")
        text = f"{f.date(info.start_date)} – {end}"
        if view.original_end_date is not None and view.original_end_date != info.end_date:
            text += " " + self.tr("(extended; it first ended {day})").format(
                day=f.date(view.original_end_date)
            )
        if view.ended_on is not None:
            text += "\n" + self.tr("Ended {day}").format(day=f.date(view.ended_on))
        if view.state_reason:
            text += "\n" + view.state_reason
        return text

    def _hours(self, minutes: int) -> str:
        return self.tr("{hours} h").format(hours=self.formats.hours_always(minutes))

    def _signature(self, view: ContractView) -> str:
        if view.origin != "platform":
            return self.tr("Your own contract, outside the platform: nothing to sign.")
        if view.signed_at is not None:
            return self.tr("Signed by {name} on {day}, terms version {version}").format(
                name=view.signed_name or "",
                day=self.formats.date(view.signed_at.astimezone().date()),
                version=view.signed_terms_version or view.terms_version,
            )
        if view.can_sign:
            return self.tr("Not signed yet (terms version {version})").format(version=view.terms_version)
        return self.tr("Never signed")

    def _show_figures(self, view: ContractView) -> None:
        figures, f = view.figures, self.formats
        money = InvoiceFormats(f)
        c = figures.currency
        self.figures.set("reported", self._hours(figures.reported_minutes))
        self.figures.set("invoiced", self._hours(figures.invoiced_minutes))
        self.figures.set("value", money.money(figures.agreement_value, c))
        self.figures.set("vat", money.money(figures.vat, c))
        if figures.commission_rate:
            vat = (
                self.tr("reverse charge: the platform's VAT is yours to report")
                if figures.commission_reverse_charge
                else self.tr("VAT {rate} {vat}").format(
                    rate=money.percent(figures.commission_vat_rate),
                    vat=money.money(figures.commission_vat, c),
                )
            )
            commission = self.tr("{rate} of the value: {amount} ({vat})").format(
                rate=money.percent(figures.commission_rate),
                amount=money.money(figures.commission, c),
                vat=vat,
            )
        else:
            commission = ""
        self.figures.set("commission", commission)
        self.figures.set("payout", money.money(figures.payout, c))
        self.figures.set("budget", money.money(figures.budget, c) if figures.budget is not None else "")
        left = figures.budget_left
        self.figures.set("left", money.money(left, c) if left is not None else "")

    def _show_milestones(self, view: ContractView) -> None:
        fixed = view.info.fee_model is FeeModel.FIXED
        self.milestones.setVisible(fixed)
        if not fixed:
            return
        chosen = self.chosen_milestone()
        money = InvoiceFormats(self.formats)
        self.milestone_list.clear()
        for m in view.milestones:
            item = QTreeWidgetItem(
                [
                    m.title,
                    self.formats.date(m.due_date),
                    money.money(m.amount, view.info.currency),
                    milestone_text(m.state),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.milestone_list.addTopLevelItem(item)
            if m.id == chosen:
                self.milestone_list.setCurrentItem(item)
        for column in range(4):
            self.milestone_list.resizeColumnToContents(column)
        rows = max(1, len(view.milestones))
        self.milestone_list.setFixedHeight(self.milestone_list.sizeHintForRow(0) * (rows + 1) + Space.M * 2)
        self.milestone_list.setVisible(bool(view.milestones))
        self._milestone_ready()

    def chosen_milestone(self) -> str | None:
        item = self.milestone_list.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _milestone_ready(self) -> None:
        view, chosen = self.view, self.chosen_milestone()
        ready = [m for m in (view.milestones if view else ()) if m.state == MilestoneState.READY.value]
        picked = next((m for m in ready if m.id == chosen), None)
        self.invoice_button.setEnabled(picked is not None)
        if view is not None and not view.milestones:
            text = self.tr("The platform adds the milestones of a fixed fee; none yet.")
        elif not ready:
            text = self.tr("A milestone is invoiced when the platform marks it ready.")
        elif picked is None:
            text = self.tr("Choose a milestone that is ready to invoice.")
        else:
            text = self.tr("The invoice goes to the platform, for this milestone's amount.")
        self.milestone_hint.setText(text)

    def _show_feedback(self, view: ContractView, shown: bool) -> None:
        self.feedback.setVisible(shown)
        if not shown:
            return
        history = view.feedback
        money = InvoiceFormats(self.formats)
        if history.overall is None and view.state.final:
            self.overall.setText(self.tr("No feedback was given on this contract."))
        elif history.overall is None:
            self.overall.setText(
                self.tr("No feedback yet: the client and your agent give it during the assignment.")
            )
        else:
            self.overall.setText(
                self.tr("Overall {score} of 5 from {n} feedback").format(
                    score=money.quantity(history.overall), n=len(history.items)
                )
            )
        self.method.setVisible(history.overall is not None)
        lines = []
        for item in reversed(history.items):  # the newest first, as people read a history
            scores = self.tr("quality {q}, communication {c}, delivery {d}, expertise {e}").format(
                q=item.quality, c=item.communication, d=item.delivery, e=item.expertise
            )
            head = self.tr("{day}, {who} ({name}): overall {overall} — {scores}").format(
                day=self.formats.date(item.given_at.astimezone().date()),
                who=author_text(item.author_role),
                name=item.author_name,
                overall=money.quantity(item.overall),
                scores=scores,
            )
            lines.append(f"{head}\n{self._quoted(item.comment)}" if item.comment else head)
        self.feedback_list.setText("\n\n".join(lines))
        self.feedback_list.setVisible(bool(lines))
        if history.items and self.chart is None:
            from coapp.ui.contracts.feedback_chart import FeedbackChart

            self.chart = FeedbackChart("feedbackChart", self.tr("Scores over time"), self.feedback)
            self.feedback.body.insertWidget(3, self.chart)
        if self.chart is not None:
            self.chart.setVisible(bool(history.items))
            if history.items:
                self.chart.draw(history, self.formats)

    def restyle(self) -> None:
        if self.chart is not None and self.view is not None:
            self.chart.draw(self.view.feedback, self.formats)

    def _show_reviews(self, view: ContractView) -> None:
        reviews = view.reviews
        shown = view.origin == "platform" and (reviews.mine or reviews.theirs or reviews.can_write)
        self.reviews.setVisible(bool(shown))
        if not shown:
            return
        if reviews.mine is not None:
            self.my_review.setText(self._review_text(self.tr("Your review of the client"), reviews.mine))
        else:
            self.my_review.setText(self.tr("You have not reviewed the client yet."))
        if reviews.theirs is not None:
            self.their_review.setText(
                self._review_text(self.tr("The client's review of you"), reviews.theirs)
            )
        elif reviews.reveal_on is not None:
            self.their_review.setText(
                self.tr(
                    "The client's review of you shows once you have both written yours, or on {day} at the latest."  # noqa: E501
                ).format(day=self.formats.date(reviews.reveal_on))
            )
        else:
            self.their_review.setText("")
        self.their_review.setVisible(bool(self.their_review.text()))
        self.review_button.setVisible(reviews.can_write)

    def _review_text(self, who: str, review: ReviewView) -> str:
        stars = "★" * review.score + "☆" * (5 - review.score)
        day = self.formats.date(review.submitted_at.astimezone().date())
        return f"{who}, {day}: {stars} {review.score}/5\n{self._quoted(review.text)}"

    def _quoted(self, text: str) -> str:
        """Someone's words in the language's quotation marks (Swedish: ”…”)."""
        return self.tr("“{text}”").format(text=text)

    # --- acting ------------------------------------------------------------------------------

    def _sign_ready(self) -> None:
        self.sign_button.setEnabled(self.sign_agree.isChecked() and bool(self.sign_name.text().strip()))

    def _sign(self) -> None:
        if self.sign_button.isEnabled():
            self.signRequested.emit(self.sign_name.text())

    def _invoice_milestone(self) -> None:
        chosen = self.chosen_milestone()
        if chosen is not None and self.invoice_button.isEnabled():
            self.milestoneInvoiceRequested.emit(chosen)
