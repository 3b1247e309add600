import { LANGUAGES, type LanguageCode } from './languages';
import { SIGN_IN_CHOICES, type SignInChoice } from './signIn';

interface ToolbarProps {
  language: LanguageCode;
  onLanguageChange: (language: LanguageCode) => void;
  signIn: SignInChoice;
  onSignInChange: (signIn: SignInChoice) => void;
  hideCompleted: boolean;
  onHideCompletedChange: (hide: boolean) => void;
}

export function Toolbar(props: ToolbarProps) {
  return (
    <form className="toolbar" aria-label="Dashboard settings" onSubmit={(e) => e.preventDefault()}>
      <label>
        Language{' '}
        <select
          value={props.language}
          onChange={(event) => props.onLanguageChange(event.target.value as LanguageCode)}
        >
          {LANGUAGES.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sign-in{' '}
        <select
          value={props.signIn}
          onChange={(event) => props.onSignInChange(event.target.value as SignInChoice)}
        >
          {SIGN_IN_CHOICES.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={props.hideCompleted}
          onChange={(event) => props.onHideCompletedChange(event.target.checked)}
        />{' '}
        Hide completed
      </label>
    </form>
  );
}
