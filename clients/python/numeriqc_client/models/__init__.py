"""Contains all the data models used in inputs/outputs"""

from .achievement import Achievement
from .achievement_list import AchievementList
from .achievement_status import AchievementStatus
from .ack_in import AckIn
from .acknowledged import Acknowledged
from .age_band import AgeBand
from .aggregate import Aggregate
from .aggregate_distribution import AggregateDistribution
from .aggregate_drivers import AggregateDrivers
from .aggregate_drivers_additional_property import AggregateDriversAdditionalProperty
from .aggregate_list import AggregateList
from .analysis import Analysis
from .analysis_consensus_item import AnalysisConsensusItem
from .answers_in import AnswersIn
from .answers_in_answers import AnswersInAnswers
from .aws_account_list import AwsAccountList
from .benefit import Benefit
from .benefit_in import BenefitIn
from .benefit_kind import BenefitKind
from .benefit_list import BenefitList
from .benefit_measurements import BenefitMeasurements
from .breakdown import Breakdown
from .breakdown_row import BreakdownRow
from .breakdown_row_cells import BreakdownRowCells
from .breakdown_row_cells_additional_property import BreakdownRowCellsAdditionalProperty
from .bulk_in import BulkIn
from .bulk_in_language import BulkInLanguage
from .bulk_in_rows_type_0_item import BulkInRowsType0Item
from .callback_in import CallbackIn
from .callback_out import CallbackOut
from .channel import Channel
from .check_result import CheckResult
from .classification import Classification
from .clock_reading import ClockReading
from .condition import Condition
from .consent import Consent
from .consent_import import ConsentImport
from .consent_import_in import ConsentImportIn
from .consent_import_in_rows_type_0_item import ConsentImportInRowsType0Item
from .consent_import_status import ConsentImportStatus
from .consent_in import ConsentIn
from .consent_lookup import ConsentLookup
from .consent_status import ConsentStatus
from .consultation import Consultation
from .consultation_in import ConsultationIn
from .consultation_list import ConsultationList
from .contact import Contact
from .contact_in import ContactIn
from .content import Content
from .dataset import Dataset
from .dataset_in import DatasetIn
from .dataset_in_schema import DatasetInSchema
from .dataset_list import DatasetList
from .delivered import Delivered
from .delivered_event import DeliveredEvent
from .driver import Driver
from .eligibility import Eligibility
from .encoding import Encoding
from .erasure_in import ErasureIn
from .erasure_out import ErasureOut
from .estimate import Estimate
from .export import Export
from .export_content import ExportContent
from .export_format import ExportFormat
from .export_in import ExportIn
from .export_status import ExportStatus
from .feedback import Feedback
from .feedback_drivers import FeedbackDrivers
from .feedback_in import FeedbackIn
from .feedback_in_drivers import FeedbackInDrivers
from .feedback_in_language import FeedbackInLanguage
from .feedback_page import FeedbackPage
from .field_type import FieldType
from .get_public_key_v1_exchange_log_public_key_get_return import GetPublicKeyV1ExchangeLogPublicKeyGetReturn
from .grant import Grant
from .grant_in import GrantIn
from .grant_list import GrantList
from .grant_status import GrantStatus
from .group_summary import GroupSummary
from .group_summary_representative_item import GroupSummaryRepresentativeItem
from .guest_list_in import GuestListIn
from .guest_list_out import GuestListOut
from .health_report import HealthReport
from .indicator import Indicator
from .indicator_aggregation import IndicatorAggregation
from .indicator_baseline import IndicatorBaseline
from .indicator_direction import IndicatorDirection
from .indicator_in import IndicatorIn
from .indicator_list import IndicatorList
from .indicator_report import IndicatorReport
from .indicator_report_history import IndicatorReportHistory
from .indicator_report_in import IndicatorReportIn
from .indicator_series import IndicatorSeries
from .indicator_status import IndicatorStatus
from .indicator_target import IndicatorTarget
from .indicator_unit import IndicatorUnit
from .invitations_added import InvitationsAdded
from .invitations_in import InvitationsIn
from .job import Job
from .job_counts import JobCounts
from .job_status import JobStatus
from .key_kind import KeyKind
from .layout import Layout
from .layout_encoding import LayoutEncoding
from .layout_field import LayoutField
from .layout_format import LayoutFormat
from .level import Level
from .measurement_in import MeasurementIn
from .message_in import MessageIn
from .message_in_data import MessageInData
from .moderation import Moderation
from .moderation_in import ModerationIn
from .new_notify_key import NewNotifyKey
from .notification import Notification
from .notification_list import NotificationList
from .notify_email_in import NotifyEmailIn
from .notify_email_in_language import NotifyEmailInLanguage
from .notify_email_in_personalisation import NotifyEmailInPersonalisation
from .notify_errors import NotifyErrors
from .notify_errors_errors_item import NotifyErrorsErrorsItem
from .notify_get_notification_v2_notifications_notification_id_get_return import (
    NotifyGetNotificationV2NotificationsNotificationIdGetReturn,
)
from .notify_get_template_v2_template_template_id_get_return import NotifyGetTemplateV2TemplateTemplateIdGetReturn
from .notify_get_template_version_v2_template_template_id_version_version_get_return import (
    NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn,
)
from .notify_key import NotifyKey
from .notify_key_in import NotifyKeyIn
from .notify_key_in_kind import NotifyKeyInKind
from .notify_key_kind import NotifyKeyKind
from .notify_list_notifications_v2_notifications_get_return import NotifyListNotificationsV2NotificationsGetReturn
from .notify_list_templates_v2_templates_get_return import NotifyListTemplatesV2TemplatesGetReturn
from .notify_preview_in import NotifyPreviewIn
from .notify_preview_in_language import NotifyPreviewInLanguage
from .notify_preview_in_personalisation import NotifyPreviewInPersonalisation
from .notify_preview_template_v2_template_template_id_preview_post_return import (
    NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn,
)
from .notify_received_text_messages_v2_received_text_messages_get_return import (
    NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn,
)
from .notify_send_email_v2_notifications_email_post_return import NotifySendEmailV2NotificationsEmailPostReturn
from .notify_send_sms_v2_notifications_sms_post_return import NotifySendSmsV2NotificationsSmsPostReturn
from .notify_sms_in import NotifySmsIn
from .notify_sms_in_language import NotifySmsInLanguage
from .notify_sms_in_personalisation import NotifySmsInPersonalisation
from .one_click_unsubscribe_v1_unsubscribe_token_post_lang_type_0 import (
    OneClickUnsubscribeV1UnsubscribeTokenPostLangType0,
)
from .openapi_document_openapi_json_get_return import OpenapiDocumentOpenapiJsonGetReturn
from .option import Option
from .option_result import OptionResult
from .option_result_ranks_type_0 import OptionResultRanksType0
from .org_statement_in import OrgStatementIn
from .organization_out import OrganizationOut
from .participation_receipt import ParticipationReceipt
from .payload_link import PayloadLink
from .period import Period
from .preview import Preview
from .preview_in import PreviewIn
from .preview_in_language import PreviewInLanguage
from .preview_in_personalisation import PreviewInPersonalisation
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .protocol import Protocol
from .public_consultation import PublicConsultation
from .public_option import PublicOption
from .public_question import PublicQuestion
from .publish_in import PublishIn
from .published import Published
from .pulled import Pulled
from .push_endpoint import PushEndpoint
from .push_in import PushIn
from .question import Question
from .question_result import QuestionResult
from .question_result_average_points_type_0 import QuestionResultAveragePointsType0
from .question_type import QuestionType
from .rating_request_in import RatingRequestIn
from .rating_request_in_language import RatingRequestInLanguage
from .rating_requested import RatingRequested
from .receipt import Receipt
from .region import Region
from .reminder_in import ReminderIn
from .reminder_in_language import ReminderInLanguage
from .reminder_in_personalisation import ReminderInPersonalisation
from .reminder_series import ReminderSeries
from .replay import Replay
from .replay_items_item import ReplayItemsItem
from .report_in import ReportIn
from .report_receipt import ReportReceipt
from .reporting_frequency import ReportingFrequency
from .results import Results
from .results_participation_by_day import ResultsParticipationByDay
from .row_error import RowError
from .schedule_in import ScheduleIn
from .schema_version import SchemaVersion
from .schema_version_in import SchemaVersionIn
from .schema_version_in_schema import SchemaVersionInSchema
from .schema_version_schema import SchemaVersionSchema
from .send_email_in import SendEmailIn
from .send_email_in_language import SendEmailInLanguage
from .send_email_in_personalisation import SendEmailInPersonalisation
from .send_sms_in import SendSmsIn
from .send_sms_in_language import SendSmsInLanguage
from .send_sms_in_personalisation import SendSmsInPersonalisation
from .sentiment import Sentiment
from .series_point import SeriesPoint
from .service import Service
from .service_in import ServiceIn
from .service_list import ServiceList
from .showcase_in import ShowcaseIn
from .sms_facts import SmsFacts
from .sms_poll_send_in import SmsPollSendIn
from .sms_poll_send_in_language import SmsPollSendInLanguage
from .sms_poll_sent import SmsPollSent
from .statement import Statement
from .statement_in import StatementIn
from .statement_list import StatementList
from .statement_receipt import StatementReceipt
from .statement_status import StatementStatus
from .stats import Stats
from .stats_list import StatsList
from .status import Status
from .strategy_measure import StrategyMeasure
from .strategy_measure_list import StrategyMeasureList
from .subscription import Subscription
from .subscription_in import SubscriptionIn
from .subscription_list import SubscriptionList
from .template import Template
from .template_edit import TemplateEdit
from .template_in import TemplateIn
from .template_list import TemplateList
from .text import Text
from .tier import Tier
from .transliteration import Transliteration
from .triage_in import TriageIn
from .unsubscribe_page_view_v1_unsubscribe_token_get_lang_type_0 import (
    UnsubscribePageViewV1UnsubscribeTokenGetLangType0,
)
from .upload_ticket import UploadTicket
from .upload_ticket_format import UploadTicketFormat
from .upload_ticket_headers import UploadTicketHeaders
from .value_range import ValueRange
from .verification import Verification
from .verification_in import VerificationIn
from .verification_in_language import VerificationInLanguage
from .verification_sent import VerificationSent
from .vote import Vote
from .vote_in import VoteIn
from .vote_receipt import VoteReceipt

__all__ = (
    "Achievement",
    "AchievementList",
    "AchievementStatus",
    "AckIn",
    "Acknowledged",
    "AgeBand",
    "Aggregate",
    "AggregateDistribution",
    "AggregateDrivers",
    "AggregateDriversAdditionalProperty",
    "AggregateList",
    "Analysis",
    "AnalysisConsensusItem",
    "AnswersIn",
    "AnswersInAnswers",
    "AwsAccountList",
    "Benefit",
    "BenefitIn",
    "BenefitKind",
    "BenefitList",
    "BenefitMeasurements",
    "Breakdown",
    "BreakdownRow",
    "BreakdownRowCells",
    "BreakdownRowCellsAdditionalProperty",
    "BulkIn",
    "BulkInLanguage",
    "BulkInRowsType0Item",
    "CallbackIn",
    "CallbackOut",
    "Channel",
    "CheckResult",
    "Classification",
    "ClockReading",
    "Condition",
    "Consent",
    "ConsentImport",
    "ConsentImportIn",
    "ConsentImportInRowsType0Item",
    "ConsentImportStatus",
    "ConsentIn",
    "ConsentLookup",
    "ConsentStatus",
    "Consultation",
    "ConsultationIn",
    "ConsultationList",
    "Contact",
    "ContactIn",
    "Content",
    "Dataset",
    "DatasetIn",
    "DatasetInSchema",
    "DatasetList",
    "Delivered",
    "DeliveredEvent",
    "Driver",
    "Eligibility",
    "Encoding",
    "ErasureIn",
    "ErasureOut",
    "Estimate",
    "Export",
    "ExportContent",
    "ExportFormat",
    "ExportIn",
    "ExportStatus",
    "Feedback",
    "FeedbackDrivers",
    "FeedbackIn",
    "FeedbackInDrivers",
    "FeedbackInLanguage",
    "FeedbackPage",
    "FieldType",
    "GetPublicKeyV1ExchangeLogPublicKeyGetReturn",
    "Grant",
    "GrantIn",
    "GrantList",
    "GrantStatus",
    "GroupSummary",
    "GroupSummaryRepresentativeItem",
    "GuestListIn",
    "GuestListOut",
    "HealthReport",
    "Indicator",
    "IndicatorAggregation",
    "IndicatorBaseline",
    "IndicatorDirection",
    "IndicatorIn",
    "IndicatorList",
    "IndicatorReport",
    "IndicatorReportHistory",
    "IndicatorReportIn",
    "IndicatorSeries",
    "IndicatorStatus",
    "IndicatorTarget",
    "IndicatorUnit",
    "InvitationsAdded",
    "InvitationsIn",
    "Job",
    "JobCounts",
    "JobStatus",
    "KeyKind",
    "Layout",
    "LayoutEncoding",
    "LayoutField",
    "LayoutFormat",
    "Level",
    "MeasurementIn",
    "MessageIn",
    "MessageInData",
    "Moderation",
    "ModerationIn",
    "NewNotifyKey",
    "Notification",
    "NotificationList",
    "NotifyEmailIn",
    "NotifyEmailInLanguage",
    "NotifyEmailInPersonalisation",
    "NotifyErrors",
    "NotifyErrorsErrorsItem",
    "NotifyGetNotificationV2NotificationsNotificationIdGetReturn",
    "NotifyGetTemplateV2TemplateTemplateIdGetReturn",
    "NotifyGetTemplateVersionV2TemplateTemplateIdVersionVersionGetReturn",
    "NotifyKey",
    "NotifyKeyIn",
    "NotifyKeyInKind",
    "NotifyKeyKind",
    "NotifyListNotificationsV2NotificationsGetReturn",
    "NotifyListTemplatesV2TemplatesGetReturn",
    "NotifyPreviewIn",
    "NotifyPreviewInLanguage",
    "NotifyPreviewInPersonalisation",
    "NotifyPreviewTemplateV2TemplateTemplateIdPreviewPostReturn",
    "NotifyReceivedTextMessagesV2ReceivedTextMessagesGetReturn",
    "NotifySendEmailV2NotificationsEmailPostReturn",
    "NotifySendSmsV2NotificationsSmsPostReturn",
    "NotifySmsIn",
    "NotifySmsInLanguage",
    "NotifySmsInPersonalisation",
    "OneClickUnsubscribeV1UnsubscribeTokenPostLangType0",
    "OpenapiDocumentOpenapiJsonGetReturn",
    "Option",
    "OptionResult",
    "OptionResultRanksType0",
    "OrganizationOut",
    "OrgStatementIn",
    "ParticipationReceipt",
    "PayloadLink",
    "Period",
    "Preview",
    "PreviewIn",
    "PreviewInLanguage",
    "PreviewInPersonalisation",
    "Problem",
    "ProblemErrorsItem",
    "Protocol",
    "PublicConsultation",
    "PublicOption",
    "PublicQuestion",
    "Published",
    "PublishIn",
    "Pulled",
    "PushEndpoint",
    "PushIn",
    "Question",
    "QuestionResult",
    "QuestionResultAveragePointsType0",
    "QuestionType",
    "RatingRequested",
    "RatingRequestIn",
    "RatingRequestInLanguage",
    "Receipt",
    "Region",
    "ReminderIn",
    "ReminderInLanguage",
    "ReminderInPersonalisation",
    "ReminderSeries",
    "Replay",
    "ReplayItemsItem",
    "ReportIn",
    "ReportingFrequency",
    "ReportReceipt",
    "Results",
    "ResultsParticipationByDay",
    "RowError",
    "ScheduleIn",
    "SchemaVersion",
    "SchemaVersionIn",
    "SchemaVersionInSchema",
    "SchemaVersionSchema",
    "SendEmailIn",
    "SendEmailInLanguage",
    "SendEmailInPersonalisation",
    "SendSmsIn",
    "SendSmsInLanguage",
    "SendSmsInPersonalisation",
    "Sentiment",
    "SeriesPoint",
    "Service",
    "ServiceIn",
    "ServiceList",
    "ShowcaseIn",
    "SmsFacts",
    "SmsPollSendIn",
    "SmsPollSendInLanguage",
    "SmsPollSent",
    "Statement",
    "StatementIn",
    "StatementList",
    "StatementReceipt",
    "StatementStatus",
    "Stats",
    "StatsList",
    "Status",
    "StrategyMeasure",
    "StrategyMeasureList",
    "Subscription",
    "SubscriptionIn",
    "SubscriptionList",
    "Template",
    "TemplateEdit",
    "TemplateIn",
    "TemplateList",
    "Text",
    "Tier",
    "Transliteration",
    "TriageIn",
    "UnsubscribePageViewV1UnsubscribeTokenGetLangType0",
    "UploadTicket",
    "UploadTicketFormat",
    "UploadTicketHeaders",
    "ValueRange",
    "Verification",
    "VerificationIn",
    "VerificationInLanguage",
    "VerificationSent",
    "Vote",
    "VoteIn",
    "VoteReceipt",
)
