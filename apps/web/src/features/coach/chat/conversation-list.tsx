import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, NavLink, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "../../../ui/problem-alert";
import { Loading } from "../../../ui/spinner";
import { formatDateTime } from "../../settings/format";
import { coachKeys } from "../coach-queries";
import { useCoachApi } from "../use-coach-api";

/** Lists the user's conversations, newest first, with delete and clear. They are the coach's memory. */
export function ConversationList(props: { activeId: string | undefined }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const coachApi = useCoachApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingId = useId();
  const [isConfirmingClear, setConfirmingClear] = useState(false);
  const conversations = useQuery({
    queryKey: coachKeys.conversations,
    queryFn: () => coachApi.listConversations(),
  });
  const remove = useMutation({
    mutationFn: (id: string) => coachApi.deleteConversation(id),
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: coachKeys.conversation(id) });
      await queryClient.invalidateQueries({ queryKey: coachKeys.conversations, exact: true });
      if (id === props.activeId) void navigate("/coach/chat");
    },
  });
  const clear = useMutation({
    mutationFn: () => coachApi.clearConversations(),
    onSuccess: async () => {
      setConfirmingClear(false);
      queryClient.removeQueries({ queryKey: coachKeys.conversations });
      await queryClient.invalidateQueries({ queryKey: coachKeys.conversations, exact: true });
      void navigate("/coach/chat");
    },
  });
  const items = conversations.data ?? [];

  return (
    <section className="card conversation-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.chat.conversations")}</h2>
      <p className="muted">{t("coach.chat.memory")}</p>
      <p>
        <Link className="button" to="/coach/chat">
          {t("coach.chat.newConversation")}
        </Link>
      </p>
      {conversations.isPending ? <Loading /> : null}
      <ProblemAlert error={conversations.error ?? remove.error ?? clear.error} />
      {conversations.isSuccess && items.length === 0 ? (
        <p className="muted">{t("coach.chat.noConversations")}</p>
      ) : null}
      <ul className="item-list">
        {items.map((conversation) => (
          <li key={conversation.id} className="item">
            <div>
              <NavLink className="item-title" to={`/coach/chat/${conversation.id}`}>
                {conversation.title}
              </NavLink>
              <p className="item-meta">
                {t("coach.chat.conversationMeta", {
                  messages: conversation.messageCount,
                  time: formatDateTime(conversation.updatedAt, i18n.language),
                })}
              </p>
            </div>
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate(conversation.id)}
            >
              {t("coach.chat.delete")} <span className="visually-hidden">{conversation.title}</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > 0 && !isConfirmingClear ? (
        <button
          type="button"
          className="button button-danger"
          onClick={() => setConfirmingClear(true)}
        >
          {t("coach.chat.clear")}
        </button>
      ) : null}
      {isConfirmingClear ? (
        <div className="confirm" role="group" aria-label={t("coach.chat.clear")}>
          <p>{t("coach.chat.clearConfirm", { total: items.length })}</p>
          <p className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={clear.isPending}
              onClick={() => clear.mutate()}
            >
              {t("coach.chat.clearSubmit")}
            </button>
            <button type="button" className="button" onClick={() => setConfirmingClear(false)}>
              {t("common.cancel")}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
